// The page's entry point, the module script patch_checker.py adds to every
// page with a checker: it starts the page's checkers.  The modules it
// imports only define things, so a page (or a test) decides what starts.
import { init } from "./patch-checker.js";

init(document);
