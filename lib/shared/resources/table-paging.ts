import type { TResourceTable } from "./resources.schema";

// How a list page reads a resource's Table: a short first page (one screen and some, so the
// first rows arrive fast and can be rendered with the page on the server), then kubectl's
// chunks of 500 with `continue` as the user scrolls.

/** Rows of the first page. */
export const TABLE_FIRST_PAGE_ROWS = 100;
/** Rows of every later page (kubectl's chunk size). */
export const TABLE_PAGE_ROWS = 500;

/** The view of a list that selects its rows (the query string `ns`, `l`, `f`). */
export interface TTableView {
  namespace: string;
  labelSelector: string;
  fieldSelector: string;
}

/** The first page of a list read while its page rendered on the server, and the view it was read for. */
export interface TInitialTablePage {
  view: TTableView;
  table: TResourceTable;
}
