// `npm start`: builds the UI and the agent bundle when missing or older than their
// sources, then starts the console (server.ts). `npm run dev` runs Next.js in dev mode.
import { main } from "../server";
import { buildAgentIfNeeded, buildUiIfNeeded } from "./build-if-needed";

if (!process.argv.includes("--dev")) buildUiIfNeeded();
buildAgentIfNeeded();
void main();
