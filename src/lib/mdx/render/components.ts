import type { Element, ElementContent, Properties } from "hast";
import { translator } from "../../../i18n/index.ts";
import { articleLabel } from "../../law/article-label.ts";
import { mediaType } from "../../media/formats.ts";
import { routes } from "../../site/routes.ts";
import type { CalloutType, MdxComponentName } from "../components.ts";
import type { RenderContext } from "./context.ts";

/** Props as written in MDX: "text", {24}, {true} or a bare name. */
export type Props = Record<string, string | number | boolean>;

/**
 * An author component: its props and rendered children in, HTML (as a hast
 * tree) out. The build calls these while loading content, so a lesson needs
 * no JavaScript module of its own (docs/architecture.md, "MDX").
 */
export type MdxComponent = (
  props: Props,
  children: ElementContent[],
  context: RenderContext,
) => ElementContent[];

/** A hast element; property names as hast spells them (className, dataCallout, ariaLabel). */
export function el(
  tagName: string,
  properties: Properties,
  children: ElementContent[] = [],
): Element {
  return { type: "element", tagName, properties, children };
}

export const text = (value: string): ElementContent => ({ type: "text", value });

const str = (value: Props[string] | undefined): string | undefined =>
  value === undefined || typeof value === "boolean" ? undefined : String(value);

function unresolved(tag: string): never {
  throw new Error(`${tag} does not resolve; run npm run check`);
}

/** A box with a bold heading and the author's text: Callout, KeyPoint, Objectives, Question. */
function box(
  tagName: string,
  className: string[],
  data: Properties,
  heading: string,
  bodyClass: string[],
  children: ElementContent[],
): ElementContent[] {
  return [
    el(tagName, { className, ...data }, [
      el("p", { className: ["font-bold"] }, [text(heading)]),
      el("div", { className: bodyClass }, children),
    ]),
  ];
}

const PROSE = ["prose", "prose-stone", "max-w-none", "dark:prose-invert"];

const TONE: Record<CalloutType, string[]> = {
  note: ["border-sky-700", "bg-sky-50", "dark:bg-sky-950"],
  tip: ["border-emerald-700", "bg-emerald-50", "dark:bg-emerald-950"],
  warning: ["border-amber-700", "bg-amber-50", "dark:bg-amber-950"],
};

/** Links to one article of a policy; its text shows on hover/focus and in print. */
const Cite: MdxComponent = (props, _children, context) => {
  const policyId = str(props.policy) ?? "";
  const number = Number(props.article);
  const policy = context.policy(policyId);
  const article = context.article(policyId, number);
  if (!policy || !article) unresolved(`<Cite policy="${policyId}" article={${number}} />`);
  const body = article.paragraphs.map((p) => `${p.item ?? ""}${p.text}`).join("\n");
  // The article's text is left out of the search index (data-pagefind-ignore):
  // the article is found on its own, and a lesson should not match words that
  // only the law it cites contains. It also keeps Pagefind's memory down.
  return [
    el("span", { className: ["cite"] }, [
      el(
        "a",
        {
          className: ["cite-link"],
          href: context.href(routes.article(policyId, number)),
          lang: "zh-CN",
        },
        [text(articleLabel(policy.shortTitle, number, policy.versioned))],
      ),
      el(
        "span",
        { className: ["cite-text"], lang: "zh-CN", role: "note", dataPagefindIgnore: true },
        [text(body)],
      ),
    ]),
  ];
};

/** A boxed remark: background (note), advice (tip) or a risk (warning). */
const Callout: MdxComponent = (props, children, { locale }) => {
  const type = (str(props.type) ?? "note") as CalloutType;
  const label = str(props.title) ?? translator(locale)(`mdx.callout.${type}`);
  return box(
    "aside",
    [
      "callout",
      "not-prose",
      "my-6",
      "rounded",
      "border-l-4",
      "p-4",
      `callout-${type}`,
      ...TONE[type],
    ],
    { dataCallout: type },
    label,
    ["callout-body", ...PROSE],
    children,
  );
};

/** The one thing readers must remember from a section. */
const KeyPoint: MdxComponent = (props, children, { locale }) =>
  box(
    "aside",
    [
      "key-point",
      "not-prose",
      "my-6",
      "rounded",
      "border-2",
      "border-stone-800",
      "p-4",
      "dark:border-stone-200",
    ],
    { dataKeyPoint: true },
    str(props.title) ?? translator(locale)("mdx.keyPoint"),
    ["prose", "prose-stone", "max-w-none", "font-medium", "dark:prose-invert"],
    children,
  );

/** The learning objectives of a lesson or section. */
const Objectives: MdxComponent = (props, children, { locale }) =>
  box(
    "section",
    [
      "objectives",
      "not-prose",
      "my-6",
      "rounded",
      "border",
      "border-stone-300",
      "p-4",
      "dark:border-stone-600",
    ],
    { dataObjectives: true },
    str(props.title) ?? translator(locale)("mdx.objectives"),
    PROSE,
    children,
  );

/** A discussion question where it belongs; handouts collect them (src/lib/mdx/questions.ts). */
const Question: MdxComponent = (_props, children, { locale }) =>
  box(
    "aside",
    [
      "question",
      "not-prose",
      "my-6",
      "rounded",
      "border-l-4",
      "border-brand-700",
      "bg-brand-50",
      "p-4",
      "dark:bg-stone-800",
    ],
    { dataQuestion: true },
    translator(locale)("mdx.question"),
    ["question-text", ...PROSE],
    children,
  );

/** An image from public/ with a caption and an optional credit. */
const Figure: MdxComponent = (props, _children, context) => {
  const credit = str(props.credit);
  return [
    el("figure", { className: ["figure", "my-6"] }, [
      el("img", {
        className: ["mx-auto", "h-auto", "max-w-full", "rounded"],
        src: context.href(str(props.src) ?? ""),
        alt: str(props.alt) ?? "",
        loading: "lazy",
        decoding: "async",
      }),
      el(
        "figcaption",
        { className: ["mt-2", "text-center", "text-sm", "text-stone-700", "dark:text-stone-300"] },
        [
          text(str(props.caption) ?? ""),
          ...(credit
            ? [
                el("span", { className: ["figure-credit"] }, [
                  text(`（${translator(context.locale)("mdx.figure.credit")}：${credit}）`),
                ]),
              ]
            : []),
        ],
      ),
    ]),
  ];
};

/** A numbered procedure: the ordered list inside is drawn as steps (src/styles/global.css). */
const Steps: MdxComponent = (_props, children, { locale }) => [
  el(
    "div",
    {
      className: ["steps", "my-6", "border-l-2", "border-stone-400", "pl-4"],
      role: "group",
      ariaLabel: translator(locale)("mdx.steps"),
      dataSteps: true,
    },
    children,
  ),
];

/** Links a glossary term; text inside the tag replaces the term. */
const Term: MdxComponent = (props, children, context) => {
  const id = str(props.id) ?? "";
  const term = context.term(id);
  if (!term) throw new Error(`<Term id="${id}" /> names no glossary term; run npm run check`);
  return [
    el(
      "a",
      {
        className: ["term", "underline", "decoration-dotted", "underline-offset-4"],
        href: context.href(routes.term(id)),
        title: `${term.pinyin} · ${term.en}`,
        dataTerm: id,
      },
      children.length > 0 ? children : [text(term.zh)],
    ),
  ];
};

/**
 * A Markdown table in a box that scrolls sideways when the table is wider than
 * the screen. The box takes keyboard focus and has a name, so keyboard and
 * screen-reader users can scroll it too (WCAG 2.1.1).
 */
const ScrollTable: MdxComponent = (_props, children, { locale }) => [
  el(
    "div",
    {
      className: ["table-scroll"],
      role: "region",
      tabIndex: 0,
      ariaLabel: translator(locale)("prose.tableRegion"),
    },
    children,
  ),
];

/** A `<track>` of a media element, when the author named its file. */
function track(
  file: string | undefined,
  properties: Properties,
  context: RenderContext,
): ElementContent[] {
  return file ? [el("track", { src: context.href(file), ...properties })] : [];
}

/**
 * A local video or audio file with the browser's own controls (keyboard and
 * screen reader usable, no script, no autoplay), its captions as `<track>`s,
 * a download link and the transcript (the children) under the player, inside
 * the page's text so search finds it.
 */
function mediaPlayer(kind: "video" | "audio"): MdxComponent {
  return (props, children, context) => {
    const tr = translator(context.locale);
    const src = str(props.src) ?? "";
    const title = str(props.title) ?? "";
    const poster = str(props.poster);
    const format = (src.split(".").at(-1) ?? "").toUpperCase();
    const download = el("a", { href: context.href(src), download: "" }, [
      text(tr("mdx.media.download", { format })),
    ]);
    const player = el(
      kind,
      {
        className:
          kind === "video"
            ? ["media-player", "w-full", "rounded", "bg-black"]
            : ["media-player", "w-full"],
        controls: true,
        preload: "metadata",
        ...(kind === "video" && poster ? { poster: context.href(poster), playsInline: true } : {}),
        ariaLabel: `${tr(`mdx.media.${kind}`)}：${title}`,
      },
      [
        el("source", { src: context.href(src), type: mediaType(src) }),
        ...track(
          str(props.captions),
          { kind: "captions", srcLang: "zh", label: tr("mdx.media.captionsZh"), default: true },
          context,
        ),
        ...track(
          str(props.captionsEn),
          { kind: "captions", srcLang: "en", label: tr("mdx.media.captionsEn") },
          context,
        ),
        ...track(
          str(props.chapters),
          { kind: "chapters", srcLang: "zh", label: tr("mdx.media.chapters") },
          context,
        ),
        el("p", {}, [text(tr("mdx.media.noPlayer")), text(" "), download]),
      ],
    );
    return [
      el(
        "figure",
        { className: ["media", `media-${kind}`, "not-prose", "my-6"], dataMedia: kind },
        [
          player,
          el("figcaption", { className: ["media-caption", "mt-2", "text-sm"] }, [
            el("span", { className: ["font-bold"] }, [
              text(`${tr(`mdx.media.${kind}`)}：${title}`),
            ]),
            text(" · "),
            el("a", { href: context.href(src), download: "" }, [
              text(tr("mdx.media.download", { format })),
            ]),
          ]),
          ...(children.length > 0
            ? [
                el(
                  "div",
                  {
                    className: [
                      "media-transcript",
                      "mt-3",
                      "rounded",
                      "border",
                      "border-stone-300",
                      "p-4",
                      "dark:border-stone-600",
                    ],
                    dataMediaTranscript: true,
                  },
                  [
                    el("p", { className: ["font-bold"] }, [text(tr("mdx.media.transcript"))]),
                    el("div", { className: PROSE }, children),
                  ],
                ),
              ]
            : []),
        ],
      ),
    ];
  };
}

/** A local video: poster, captions, optional chapters, transcript under the player. */
const Video: MdxComponent = mediaPlayer("video");
/** A local audio clip: the transcript under the player. */
const Audio: MdxComponent = mediaPlayer("audio");

/** Every component authors may use, by tag name (the check knows the same names). */
export const MDX_RENDERERS: Record<MdxComponentName, MdxComponent> = {
  Cite,
  Callout,
  Objectives,
  Question,
  KeyPoint,
  Figure,
  Steps,
  Term,
  Video,
  Audio,
};

/** A body as the screen shows it: the components, and tables that scroll on a phone. */
export const SCREEN = { components: MDX_RENDERERS, table: ScrollTable };
