/** Components authors may use in MDX without importing them (see docs/authoring.md). */
export const MDX_COMPONENTS = [
  "Cite",
  "Callout",
  "Objectives",
  "Question",
  "KeyPoint",
  "Figure",
  "Steps",
  "Term",
  "Video",
  "Audio",
] as const;
export type MdxComponentName = (typeof MDX_COMPONENTS)[number];

/** The kinds of <Callout>. */
export const CALLOUT_TYPES = ["note", "tip", "warning"] as const;
export type CalloutType = (typeof CALLOUT_TYPES)[number];

/** What `npm run check` knows about each component's props. */
export interface MdxComponentSpec {
  /** Props that must be written. */
  required: readonly string[];
  /** Props that may be written. */
  optional: readonly string[];
  /** A correct use, shown in error messages. */
  example: string;
}

export const MDX_COMPONENT_SPECS: Record<MdxComponentName, MdxComponentSpec> = {
  Cite: {
    required: ["policy", "article"],
    optional: ["historical"],
    example: '<Cite policy="vocational-education-law-2022" article={24} />',
  },
  Callout: {
    required: [],
    optional: ["type", "title"],
    example: '<Callout type="tip">…</Callout>',
  },
  Objectives: { required: [], optional: ["title"], example: "<Objectives>\n- …\n</Objectives>" },
  Question: { required: [], optional: [], example: "<Question>…？</Question>" },
  KeyPoint: { required: [], optional: ["title"], example: "<KeyPoint>…</KeyPoint>" },
  Figure: {
    required: ["src", "alt", "caption"],
    optional: ["credit"],
    example: '<Figure src="/images/class.jpg" alt="职工在课堂上听讲" caption="职工夜校的一堂课" />',
  },
  Steps: { required: [], optional: [], example: "<Steps>\n1. …\n2. …\n</Steps>" },
  Term: { required: ["id"], optional: [], example: '<Term id="employee-education-funds" />' },
  Video: {
    required: ["src", "title", "poster"],
    optional: ["captions", "captionsEn", "chapters", "noSpeech"],
    example:
      '<Video src="/media/class.mp4" poster="/media/class.jpg" captions="/media/class.zh.vtt" title="企业的培训义务">\n文字稿……\n</Video>',
  },
  Audio: {
    required: ["src", "title"],
    optional: ["captions", "captionsEn"],
    example: '<Audio src="/media/week.mp3" title="职业教育活动周">\n文字稿……\n</Audio>',
  },
};

/** Props of `<Video>` and `<Audio>` that name a file in the media folder, and what each must be. */
export const MEDIA_PROPS = {
  src: "media",
  poster: "poster",
  captions: "captions",
  captionsEn: "captions",
  chapters: "captions",
} as const;
