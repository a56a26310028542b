import { type Translator, translator } from "../../i18n/index.ts";
import { articleLabel } from "../law/article-label.ts";
import { el, MDX_RENDERERS, type MdxComponent, text } from "../mdx/render/components.ts";
import type { Variant } from "../mdx/render/render.ts";
import { noteKey } from "./citations.ts";

/*
 * A lesson's print form is rendered with the rest of its body while content
 * loads, but its footnote numbers belong to the document it is printed in (a
 * lesson alone, or a whole course). `<Cite>` therefore leaves a marker that
 * the print view replaces. Only the renderer writes HTML comments: MDX has no
 * syntax for them, and text that looks like one is escaped.
 */
const MARKER = /<!--union-kb-note:([^#\s]+)#(\d+)-->/g;

/** The print form of `<Cite>`: the article's label, then (in the print view) its footnote number. */
const PrintCite: MdxComponent = (props, _children, context) => {
  const policyId = String(props.policy ?? "");
  const article = Number(props.article);
  const policy = context.policy(policyId);
  if (!policy)
    throw new Error(
      `<Cite policy="${policyId}" article={${article}} /> does not resolve; run npm run check`,
    );
  return [
    el("span", { className: ["print-cite"], lang: "zh-CN" }, [
      text(articleLabel(policy.shortTitle, article, policy.versioned)),
    ]),
    { type: "comment", value: `union-kb-note:${noteKey(policyId, article)}` },
  ];
};

/**
 * The print form of `<Video>` and `<Audio>`: the poster frame, a line that
 * sends the reader to the page's QR code (every handout carries one to the
 * online page, where the player is) and the transcript in full.
 */
function printMedia(kind: "video" | "audio"): MdxComponent {
  return (props, children, context) => {
    const tr = translator(context.locale);
    const title = String(props.title ?? "");
    const poster = typeof props.poster === "string" ? props.poster : undefined;
    return [
      el("figure", { className: ["print-media", "not-prose"], dataMedia: kind }, [
        ...(kind === "video" && poster
          ? [el("img", { src: context.href(poster), alt: `${tr("mdx.media.video")}：${title}` })]
          : []),
        el("figcaption", {}, [
          text(tr("mdx.media.printNote", { kind: tr(`mdx.media.${kind}`), title })),
        ]),
        ...(children.length > 0
          ? [el("div", { className: ["media-transcript"], dataMediaTranscript: true }, children)]
          : []),
      ]),
    ];
  };
}

/** A lesson's print form: `<Cite>` as a label with a footnote; media as poster and transcript; tables as they are (print.css). */
export const PRINT: Variant = {
  components: {
    ...MDX_RENDERERS,
    Cite: PrintCite,
    Video: printMedia("video"),
    Audio: printMedia("audio"),
  },
};

function escapeAttribute(value: string): string {
  return value.replaceAll("&", "&amp;").replaceAll('"', "&quot;").replaceAll("<", "&lt;");
}

/** Puts the document's footnote numbers after each citation of a print-form body. */
export function numberFootnotes(
  html: string,
  numbers: ReadonlyMap<string, number>,
  tr: Translator,
): string {
  return html.replace(MARKER, (_marker, policy: string, article: string) => {
    const number = numbers.get(noteKey(policy, Number(article)));
    if (number === undefined) return "";
    const label = escapeAttribute(tr("print.footnoteRef", { n: number }));
    return `<sup class="footnote-ref"><a href="#appendix-${number}" aria-label="${label}">[${number}]</a></sup>`;
  });
}
