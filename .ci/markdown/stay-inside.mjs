// A remark plugin: a relative link or image that resolves outside the repository (`../../elsewhere`, an absolute
// path) is an error. A clone has nothing there; remark-validate-links only checks that the target exists, and
// on a developer's machine it might.
import path from "node:path";
import { visit } from "unist-util-visit";

const root = process.cwd();

export default function stayInside() {
  return (tree, file) => {
    visit(tree, ["link", "image", "definition"], (node) => {
      const url = node.url ?? "";
      if (/^[a-z][a-z0-9+.-]*:/i.test(url) || url.startsWith("#") || url === "") {
        return; // a URL with a scheme, or an anchor in the same file
      }
      const target = url.split("#")[0].split("?")[0];
      const resolved = target.startsWith("/")
        ? target
        : path.resolve(path.dirname(path.resolve(root, file.path)), decodeURIComponent(target));
      const relative = path.relative(root, resolved);
      if (relative.startsWith("..") || path.isAbsolute(relative)) {
        file.message(`link to a file outside the repository: ${url}`, node, "stay-inside:outside");
      }
    });
  };
}
