import { readFileSync } from "node:fs";
import path from "node:path";
import ejs from "ejs";

// The view engine: EJS, with includes resolved and compiled once. EJS's own
// include copies every local of the page for each include and asks the file
// system whether the partial exists, each time: a list of 50 claims, with a
// status badge and a confidence bar a row, did that a hundred times a page.
// Here an include's locals are the page's, seen through a thin layer of its
// own (`Object.create`), and its file is resolved once per include site.

type Include = (name: string, data?: object) => string;
/** A template compiled in EJS's "client" form: self-contained, its include supplied by the caller. */
type Template = (locals: object, escape: undefined, include: Include) => string;

export function ejsEngine() {
  const templates = new Map<string, Template>();
  const sites = new Map<string, string>();
  const load = (file: string, cache: boolean): Template => {
    const known = cache ? templates.get(file) : undefined;
    if (known) return known;
    const compiled = ejs.compile(readFileSync(file, "utf8"), { filename: file, client: true }) as unknown as Template;
    if (cache) templates.set(file, compiled);
    return compiled;
  };
  const render = (file: string, locals: object, cache: boolean): string =>
    load(file, cache)(locals, undefined, (name, data) => {
      const site = `${file}\0${name}`;
      let target = sites.get(site);
      if (!target) sites.set(site, (target = path.resolve(path.dirname(file), name.endsWith(".ejs") ? name : `${name}.ejs`)));
      return render(target, data ? Object.assign(Object.create(locals) as object, data) : locals, cache);
    });
  // Express's engine signature; `cache` is set when the app's "view cache" is (production)
  return (file: string, options: object, done: (err: unknown, html?: string) => void) => {
    try {
      done(null, render(file, options, (options as { cache?: boolean }).cache === true));
    } catch (err) {
      done(err);
    }
  };
}
