/**
 * The one zh-Hans word for each Outpost and Kubernetes term that is translated (docs/I18N.md
 * has the reasoning). `en` matches the term in an English message (a whole word, not inside
 * a dotted name such as node-role.kubernetes.io or Node.js); `zh` is the only translation;
 * `others` are translations seen before and refused now.
 */
export interface Term {
  en: RegExp;
  zh: string;
  others: string[];
}

export const TERMS: Record<string, Term> = {
  node: { en: /(?<![\w.-])nodes?(?![\w.-])/i, zh: "节点", others: ["Node", "结点"] },
  namespace: { en: /(?<![\w.-])namespaces?(?![\w.-])/i, zh: "命名空间", others: ["Namespace", "名字空间", "名称空间"] },
  event: { en: /(?<![\w.-])events?(?![\w.-])/i, zh: "事件", others: ["Event"] },
  condition: { en: /(?<![\w.-])conditions?(?![\w.-])/i, zh: "状况", others: ["Condition"] },
  fleet: { en: /(?<![\w.-])fleets?(?![\w.-])/i, zh: "集群", others: ["舰队", "机群", "Fleet"] },
  active: { en: /^Active$/, zh: "运行中", others: ["活跃"] },
  lastSeen: { en: /^Last seen$/i, zh: "最近在线", others: ["最后联系", "上次在线"] },
};

/**
 * Messages that use a term's English word for something else (EdgeX's autoEvents field,
 * Node.js, a user account's "Active", an event's "Last seen" = 最近发生) and are exempt, by
 * `namespace.key`.
 */
export const TERM_EXEMPT = new Set<string>(["edgex.device.autoEvents", "clusters.import.nodeTitle", "users.active", "explorer.field.lastSeen"]);
