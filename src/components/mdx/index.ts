import type { MdxComponentName } from "../../lib/mdx/components.ts";
import Audio from "./Audio.astro";
import Callout from "./Callout.astro";
import Cite from "./Cite.astro";
import Figure from "./Figure.astro";
import KeyPoint from "./KeyPoint.astro";
import Objectives from "./Objectives.astro";
import Question from "./Question.astro";
import Steps from "./Steps.astro";
import Term from "./Term.astro";
import Video from "./Video.astro";

/**
 * Every component authors may use in MDX, keyed by the tag name. Pages pass it
 * to `<Content components={mdxComponents} />`; `npm run check` knows the same
 * names from src/lib/mdx/components.ts (the `satisfies` keeps the two in step).
 */
export const mdxComponents = {
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
} satisfies Record<MdxComponentName, unknown>;
