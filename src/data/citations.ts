import { getCollection } from "astro:content";
import { bodyCitations } from "../lib/handouts/citations.ts";
import type { Citation } from "../schemas/common.ts";
import { getAllLessons } from "./courses.ts";
import { sourceOf } from "./entry-body.ts";
import { routes } from "./urls.ts";

/** A page that cites a policy article. */
export interface CitingPage {
  kind: "lesson" | "case";
  title: string;
  path: string;
}

let index: Promise<Map<string, CitingPage[]>> | undefined;

const key = (policy: string, article: number) => `${policy}#${article}`;

/**
 * Who cites what, computed once per build: `policy#article` → citing pages,
 * and `policy` → every page citing any of its articles.
 */
export function citationIndex(): Promise<Map<string, CitingPage[]>> {
  index ??= (async () => {
    const map = new Map<string, CitingPage[]>();
    const add = (citations: Citation[], page: CitingPage) => {
      const keys = new Set(citations.flatMap((c) => [key(c.policy, c.article), c.policy]));
      for (const k of keys) {
        const list = map.get(k);
        if (list) list.push(page);
        else map.set(k, [page]);
      }
    };
    for (const { entry, course, slug } of await getAllLessons()) {
      add([...entry.data.cites, ...bodyCitations(sourceOf(entry))], {
        kind: "lesson",
        title: entry.data.title,
        path: routes.lesson(course, slug),
      });
    }
    for (const entry of await getCollection("cases")) {
      add([...entry.data.cites, ...bodyCitations(sourceOf(entry))], {
        kind: "case",
        title: entry.data.title,
        path: routes.case(entry.id),
      });
    }
    return map;
  })();
  return index;
}

/** Pages citing one article. */
export async function citationsOf(policy: string, article: number): Promise<CitingPage[]> {
  return (await citationIndex()).get(key(policy, article)) ?? [];
}

/** Pages citing any article of a policy. */
export async function citationsOfPolicy(policy: string): Promise<CitingPage[]> {
  return (await citationIndex()).get(policy) ?? [];
}
