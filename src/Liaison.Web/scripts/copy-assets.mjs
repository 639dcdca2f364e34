// Copies the front-end packages Liaison serves from node_modules into wwwroot/lib (git-ignored).
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const lib = join(root, "wwwroot", "lib");
const uswds = join(root, "node_modules", "@uswds", "uswds", "dist");

rmSync(lib, { recursive: true, force: true });
mkdirSync(join(lib, "uswds"), { recursive: true });
for (const folder of ["css", "js", "fonts", "img"]) {
  cpSync(join(uswds, folder), join(lib, "uswds", folder), { recursive: true });
}
// The API reference (/api/docs): swagger-ui's bundle and styles only; Liaison's own script starts it (no inline script).
const swaggerUi = join(root, "node_modules", "swagger-ui-dist");
mkdirSync(join(lib, "swagger-ui"), { recursive: true });
for (const file of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) {
  cpSync(join(swaggerUi, file), join(lib, "swagger-ui", file));
}
// Charts (Chart.js, MIT): the UMD bundle, which defines window.Chart; wwwroot/js/charts.js draws each chart from its table.
const chartJs = join(root, "node_modules", "chart.js");
mkdirSync(join(lib, "chart.js"), { recursive: true });
cpSync(join(chartJs, "dist", "chart.umd.min.js"), join(lib, "chart.js", "chart.umd.min.js"));
cpSync(join(chartJs, "LICENSE.md"), join(lib, "chart.js", "LICENSE.md"));
writeFileSync(join(lib, ".stamp"), new Date().toISOString());
console.log("Front-end assets copied to wwwroot/lib");
