import GithubSlugger from "github-slugger";
import type { Element, ElementContent, Properties, Root, RootContent } from "hast";
import { toHtml } from "hast-util-to-html";
import { find, html as htmlSchema } from "property-information";
import { mdxToHast } from "satteri";
import { MDX_COMPONENTS, type MdxComponentName } from "../components.ts";
import { isOnlyComments, literalValue } from "../literal.ts";
import { type MdxComponent, type Props, SCREEN } from "./components.ts";
import type { RenderContext } from "./context.ts";

/** A heading of the body, as Astro's `render()` reports it (the table of contents reads it). */
export interface RenderedHeading {
  depth: number;
  slug: string;
  text: string;
}

/** A body rendered to HTML while loading content. */
export interface RenderedBody {
  html: string;
  headings: RenderedHeading[];
}

/** Components a body may use, and how each is drawn (print views swap some). */
export type Renderers = Record<MdxComponentName, MdxComponent>;

/** One way of drawing a body: its components, and Markdown elements drawn our way. */
export interface Variant {
  components: Renderers;
  /** Wraps each Markdown table (the screen's scroll box); tables stay bare without it. */
  table?: MdxComponent;
}

const KNOWN = new Set<string>(MDX_COMPONENTS);

/** Why a body needs Astro's MDX compiler after all; undefined renders here. */
class NeedsCompiler extends Error {}

interface MdxAttributeNode {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
}

interface MdxNode {
  type: string;
  name?: string | null;
  value?: string;
  attributes?: MdxAttributeNode[];
  children?: MdxNode[];
  tagName?: string;
  properties?: Properties;
}

function literal(source: string): string | number | boolean {
  const value = literalValue(source);
  if (value === undefined) throw new NeedsCompiler(`code in an attribute: {${source}}`);
  return value;
}

function propsOf(node: MdxNode): Props {
  const props: Props = {};
  for (const attribute of node.attributes ?? []) {
    if (attribute.type !== "mdxJsxAttribute" || !attribute.name) {
      throw new NeedsCompiler("a spread attribute");
    }
    const { name, value } = attribute;
    if (value === undefined || value === null) props[name] = true;
    else if (typeof value === "string") props[name] = value;
    else props[name] = literal(value.value);
  }
  return props;
}

/** An HTML element written in MDX (`<sup>`, `<br />`): JSX attribute names become hast properties. */
function htmlElement(name: string, props: Props, children: ElementContent[]): Element {
  if (name.includes(":") || name.includes(".")) throw new NeedsCompiler(`<${name}>`);
  const properties: Properties = {};
  for (const [key, value] of Object.entries(props)) {
    const attribute = key === "className" ? "class" : key === "htmlFor" ? "for" : key;
    if (value === false) continue;
    properties[find(htmlSchema, attribute).property] = value;
  }
  return { type: "element", tagName: name, properties, children };
}

/** Whether an image's address is a file next to the entry, which Astro's compiler optimises. */
function isRelativeImage(node: MdxNode): boolean {
  const src = node.properties?.src;
  return typeof src === "string" && src !== "" && !/^(?:[a-z][a-z\d+.-]*:|\/)/i.test(src);
}

function textOf(node: ElementContent | MdxNode): string {
  if ("value" in node && typeof node.value === "string" && node.type === "text") return node.value;
  return "children" in node && node.children
    ? (node.children as ElementContent[]).map(textOf).join("")
    : "";
}

class BodyRenderer {
  readonly headings: RenderedHeading[] = [];
  readonly #slugger = new GithubSlugger();

  readonly context: RenderContext;
  readonly variant: Variant;

  constructor(context: RenderContext, variant: Variant) {
    this.context = context;
    this.variant = variant;
  }

  nodes(nodes: readonly MdxNode[] | undefined, inJsx: boolean): ElementContent[] {
    const out: ElementContent[] = [];
    for (const node of nodes ?? []) {
      // MDX drops the line breaks between blocks written inside a component.
      if (inJsx && node.type === "text" && !node.value?.trim()) continue;
      out.push(...this.node(node));
    }
    return out;
  }

  node(node: MdxNode): ElementContent[] {
    switch (node.type) {
      case "mdxJsxFlowElement":
      case "mdxJsxTextElement":
        return this.jsx(node);
      case "mdxFlowExpression":
      case "mdxTextExpression":
        if (isOnlyComments(node.value ?? "")) return [];
        throw new NeedsCompiler("an expression");
      case "mdxjsEsm":
        throw new NeedsCompiler("import or export");
      case "element": {
        if (node.tagName === "img" && isRelativeImage(node))
          throw new NeedsCompiler("a local image");
        const element = {
          ...(node as unknown as Element),
          children: this.nodes(node.children, false),
        };
        if (/^h[1-6]$/.test(element.tagName)) this.heading(element);
        if (element.tagName === "table" && this.variant.table)
          return this.variant.table({}, [element], this.context);
        return [element];
      }
      default:
        return [node as unknown as ElementContent];
    }
  }

  jsx(node: MdxNode): ElementContent[] {
    const children = this.nodes(node.children, true);
    if (!node.name) return children;
    const props = propsOf(node);
    if (/^[a-z]/.test(node.name)) {
      const element = htmlElement(node.name, props, children);
      if (/^h[1-6]$/.test(element.tagName)) this.heading(element);
      return [element];
    }
    if (!KNOWN.has(node.name)) throw new NeedsCompiler(`<${node.name}>`);
    return this.variant.components[node.name as MdxComponentName](props, children, this.context);
  }

  /** Gives a heading an id as Astro does (github-slugger over its text) and records it. */
  heading(element: Element): void {
    const text = textOf(element);
    const existing = element.properties.id;
    const slug = typeof existing === "string" ? existing : this.#slugger.slug(text);
    if (typeof existing !== "string") element.properties = { ...element.properties, id: slug };
    this.headings.push({ depth: Number(element.tagName[1]), slug, text });
  }
}

/**
 * Renders an MDX body to HTML the way Astro's MDX compiler would, without
 * making it a JavaScript module: Markdown through satteri (GFM and smart
 * punctuation, as Astro), author components through `renderers`. Each set of
 * renderers gives one rendering of the same parse (a lesson's web and print
 * forms).
 *
 * Returns undefined when the body needs the compiler: code (imports, exports,
 * expressions, non-literal props, other components), which only a site with
 * `allowScripts: true` may contain, or images next to the file, which Astro
 * optimises. Such a body is compiled by Astro as before.
 */
export function renderMdxBodies(
  body: string,
  context: RenderContext,
  variants: readonly Variant[],
): RenderedBody[] | undefined {
  const tree = mdxToHast(body, {
    features: { gfm: true, smartPunctuation: true },
    position: false,
  }) as unknown as MdxNode;
  const rendered: RenderedBody[] = [];
  for (const variant of variants) {
    // The walk copies what it changes, so the parse serves every variant.
    const renderer = new BodyRenderer(context, variant);
    let children: ElementContent[];
    try {
      children = renderer.nodes(tree.children, false);
    } catch (error) {
      if (error instanceof NeedsCompiler) return undefined;
      throw error;
    }
    const root: Root = { type: "root", children: children as RootContent[] };
    rendered.push({
      html: toHtml(root, { characterReferences: { useNamedReferences: true } }),
      headings: renderer.headings,
    });
  }
  return rendered;
}

/** One rendering of a body (see {@link renderMdxBodies}), by default as the screen shows it. */
export function renderMdxBody(
  body: string,
  context: RenderContext,
  variant: Variant = SCREEN,
): RenderedBody | undefined {
  return renderMdxBodies(body, context, [variant])?.[0];
}
