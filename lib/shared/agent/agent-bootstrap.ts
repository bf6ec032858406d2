/**
 * The agent bootstrap: a small program run with `node -e` on a public Node.js image (no
 * custom image needed). It reads OUTPOST_SERVER, OUTPOST_CA_CHECKSUM and
 * OUTPOST_AGENT_SHA256 from its environment and
 *   1. with a CA checksum, fetches `/cacerts` without trust, checks its SHA-256 (PEM
 *      normalised to one trailing newline, as the agent does) and pins that CA — only it —
 *      for the next request; a mismatch exits 1 before anything else is fetched;
 *   2. downloads `/v3/agent.js` over that pinned TLS (system roots without a checksum);
 *   3. refuses to run it unless its SHA-256 equals OUTPOST_AGENT_SHA256 (written into the
 *      manifest or command by the console): a clear message on stderr and exit 1;
 *   4. runs the verified bundle in this process (`vm.compileFunction`, as CommonJS), with
 *      its own arguments passed on (`node -e <bootstrap> -- --kubeconfig …`).
 * Network errors and non-200 answers are retried with backoff (1 s doubling to 30 s): a
 * console that is briefly away must not put the pod into CrashLoopBackOff.
 *
 * Written without single quotes, newlines or comments so it fits in a shell command
 * between single quotes and in a YAML string as is; tests run this exact text.
 */
export const AGENT_BOOTSTRAP_SCRIPT = [
  `const https=require("https"),crypto=require("crypto"),vm=require("vm"),M=require("module");`,
  `const E=process.env,S=(E.OUTPOST_SERVER||"").replace(/\\/+$/,""),C=(E.OUTPOST_CA_CHECKSUM||"").toLowerCase(),W=(E.OUTPOST_AGENT_SHA256||"").toLowerCase();`,
  `const say=(m)=>process.stderr.write("outpost-bootstrap: "+m+"\\n");`,
  `const fail=(m)=>{say(m);process.exit(1)};`,
  `const sha=(b)=>crypto.createHash("sha256").update(b).digest("hex");`,
  `const get=(p,o)=>new Promise((ok,no)=>{const r=https.get(S+p,{...o,timeout:15000},(s)=>{const c=[];let n=0;`,
  `s.on("data",(d)=>{n+=d.length;if(n>33554432)r.destroy(new Error("GET "+p+": response too large"));else c.push(d)});`,
  `s.on("end",()=>s.statusCode===200?ok(Buffer.concat(c)):no(new Error("GET "+p+" answered "+s.statusCode)));s.on("error",no)});`,
  `r.on("timeout",()=>r.destroy(new Error("GET "+p+" timed out")));r.on("error",no)});`,
  `const main=async()=>{`,
  `if(!/^https:\\/\\/[^\\s]+$/.test(S))fail("OUTPOST_SERVER must be the https:// URL of the console");`,
  `if(!/^[0-9a-f]{64}$/.test(W))fail("OUTPOST_AGENT_SHA256 must be the SHA-256 (64 hex characters) of the agent bundle");`,
  `if(C&&!/^[0-9a-f]{64}$/.test(C))fail("OUTPOST_CA_CHECKSUM must be 64 hex characters");`,
  `let o={};if(C){const pem=(await get("/cacerts",{rejectUnauthorized:false})).toString("utf8");const h=sha(pem.replace(/\\n+$/,"")+"\\n");`,
  `if(!pem.trim()||h!==C)fail("CA checksum mismatch: console serves "+h+", expected "+C);o={ca:pem}}`,
  `const code=await get("/v3/agent.js",o);const h=sha(code);`,
  `if(h!==W)fail("agent bundle checksum mismatch: "+S+"/v3/agent.js has SHA-256 "+h+", expected "+W+"; refusing to run it");`,
  `say("agent bundle "+h+" verified; starting it");`,
  `const f="/outpost-agent.js",m={exports:{}};process.argv=[process.argv[0],f,...process.argv.slice(1)];`,
  `vm.compileFunction(code.toString("utf8"),["exports","require","module","__filename","__dirname"],{filename:f})(m.exports,M.createRequire(f),m,f,"/")};`,
  `(async()=>{for(let i=0;;i++){try{return await main()}catch(e){say(e.message+"; retrying");await new Promise((r)=>setTimeout(r,Math.min(30000,1000*2**i)))}}})();`,
].join("");

/**
 * The public image the default manifest and docker command run the bootstrap on: the
 * official Node.js image, pinned to a patch release of the Node line the agent is built for
 * (agent/build.ts targets node20). Mirror it for air-gapped sites (docs/OPERATIONS.md).
 */
export const AGENT_BASE_IMAGE = "node:20.19.5-alpine";
