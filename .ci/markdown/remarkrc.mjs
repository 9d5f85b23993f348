// remark's configuration for .ci/run's Markdown check. Plugins are imported here, so they resolve from this
// directory's node_modules while remark runs at the repository's root.
import remarkGfm from "remark-gfm";
import remarkValidateLinks from "remark-validate-links";
import stayInside from "./stay-inside.mjs";

export default {
  plugins: [remarkGfm, [remarkValidateLinks, { repository: false }], stayInside],
};
