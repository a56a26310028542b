import { SCHEMA_VERSION } from "../kb/schema-version.ts";
import { yamlScalar } from "./templates.ts";

/**
 * The files of a new knowledge base made by `union-kb init`: every one valid
 * as written (the check passes), with comments saying what to change.
 */

/** What `init` asks for, or takes from its options. */
export interface KbSettings {
  name: string;
  nameEn: string;
  organisation: string;
  url: string;
  base: string;
  defaultLocale: "zh-CN" | "en";
}

export function siteYaml(s: KbSettings): string {
  return `${[
    "# 网站设置。字段说明见 Union KB 的 docs/authoring.md#site",
    "# Site settings. Field reference: docs/authoring.md#site in Union KB",
    "# 本知识库按哪个版本的内容格式编写（升级 Union KB 时，npm run check 会说明需要修改的地方）",
    "# The content schema this knowledge base is written for; after an upgrade, npm run check names what to change.",
    `schemaVersion: ${SCHEMA_VERSION}`,
    "# 知识库名称（中文、英文）",
    `name: ${yamlScalar(s.name)}`,
    `nameEn: ${yamlScalar(s.nameEn)}`,
    "# 主办单位",
    `organisation: ${yamlScalar(s.organisation)}`,
    "# 网站的公开网址；放在子文件夹时 base 写成 /文件夹/",
    `url: ${yamlScalar(s.url)}`,
    `base: ${yamlScalar(s.base)}`,
    "# 默认语言：zh-CN 或 en",
    `defaultLocale: ${s.defaultLocale}`,
    "# 首页推荐的课程（课程文件夹名）",
    "featuredCourses: []",
    "# 首页列出的重点政策法规（policies/ 下的文件夹名）；不写时列出现行有效的",
    "keyPolicies: []",
  ].join("\n")}\n`;
}

export const TOPICS_YAML = `# 专题：课程、课时、政策法规、案例和术语在 topics: 里引用这里的 id。
# Topics: courses, lessons, policies, cases and terms list these ids in their topics:.
- id: workers-rights
  zh: 职工权益
  en: Workers' rights
  description: 职工依法享有的劳动权利和受教育、培训的权利。
  descriptionEn: The rights workers have at work, including to education and training.
- id: union-work
  zh: 工会工作
  en: Union work
  description: 工会组织职工学习、开展职工教育的做法。
  descriptionEn: How the union organises workers' learning and education.
`;

export const GLOSSARY_YAML = `# 术语表：用 npm run new -- term --zh … --en … 添加术语。
# Glossary: add terms with npm run new -- term --zh … --en …
[]
`;

/** courses/example-course/course.yaml */
export function exampleCourseYaml(today: string): string {
  return `# 示例课程：说明一门课程由哪些文件组成。可以改写，也可以整个文件夹删除。
# An example course showing what a course is made of; rewrite it or delete the folder.
title: 示例课程：怎样编写一门课程
titleEn: "Example course: how to write a course"
summary: 这门示例课程说明课程文件夹、课程说明和课时文件的写法，供作者照着编写第一门真正的课程。
summaryEn: This example course shows how a course folder, its course.yaml and its lesson files are written, as a model for your first real course.
audience: [education-officers]
level: introductory
hours: 1
objectives:
  - 能说出一门课程由哪些文件组成。
  - 能用 npm run new 新建课程和课时，并用 npm run check 检查。
format: self-study
topics: [union-work]
featured: true
updated: ${today}
`;
}

/** courses/example-course/01-course-files.mdx */
export function exampleLessonMdx(today: string): string {
  return `---
title: 课程由哪些文件组成
titleEn: What a course is made of
summary: 一门课程是 courses/ 下的一个文件夹：course.yaml 写课程说明，01-….mdx、02-….mdx 是按编号排序的课时。
summaryEn: A course is a folder in courses/ with a course.yaml and lessons numbered 01-….mdx, 02-….mdx.
duration: 15
objectives:
  - 能说出 course.yaml 和课时文件各写什么。
format: self-study
topics: [union-work]
cites: []
questions:
  - 你们单位最需要的第一门课程是什么？它应该分几课时？
updated: ${today}
---

## 课程文件夹

每门课程是 \`courses/\` 下的一个文件夹，文件夹名就是网址，例如 \`courses/example-course/\`。
文件夹里的 \`course.yaml\` 写课程名称、概要、适用对象、学习目标等；
\`01-….mdx\`、\`02-….mdx\` 是课时，按编号排序。

<Callout type="tip">
新建课程和课时最方便的办法是运行 \`npm run new -- course\` 和 \`npm run new -- lesson\`：
生成的文件每个字段上面都有说明。改完以后运行 \`npm run check\`，它会一次列出所有问题。
</Callout>

## 引用法律条文

先用 \`npm run import-law\` 导入法律全文，然后在课时里写
\`<Cite policy="文件夹名" article={条号} />\`，网页上就会链接到那一条，讲义里会附上条文全文。
`;
}

export function readmeMd(s: KbSettings): string {
  return `# ${s.name}

${s.organisation}的知识库，用 Union KB 生成网站。
The knowledge base of ${s.organisation}, built into a website with Union KB.

## 第一次使用 · First time

\`\`\`sh
npm install /path/to/union-kb-<version>.tgz   # 或 npm install union-kb@<version>
npm run check    # 检查全部内容 · check every file
npm run dev      # 边写边预览 · preview while you write
npm run build    # 生成网站到 dist/ · build the site into dist/
\`\`\`

## 文件 · Files

- \`site.yaml\` — 网站名称、组织、网址 · name, organisation, address
- \`topics.yaml\` — 专题 · topics
- \`glossary.yaml\` — 术语 · glossary terms
- \`courses/<课程>/\` — \`course.yaml\` 和课时 \`01-….mdx\` · a course and its lessons
- \`policies/<法规>/\` — 摘要 \`index.mdx\` 和全文 \`text.zh.md\` · summary and official text
- \`cases/<案例>.mdx\` — 案例 · cases

新建：\`npm run new\`；导入法律全文：\`npm run import-law -- 文件 --slug 名称\`；
讲义：\`npm run handouts\`；局域网发布：\`npm run serve -- --host 0.0.0.0\`。

## 升级 · Upgrading

安装新版本的 union-kb（\`npm install\` 新的 .tgz 或版本号），然后运行 \`npm run check\`：
内容格式有变化时，它会指出每一处要改的地方和改法（也见 Union KB 的 CHANGELOG.md）。
Install the newer union-kb, then run \`npm run check\`: it names every change the new
version needs, with the fix.
`;
}

/** The knowledge base's package.json: its own npm project with the tool as a dependency. */
export function packageJson(name: string, tool: string | undefined): string {
  const commands = [
    "check",
    "dev",
    "build",
    "serve",
    "new",
    "import-law",
    "handouts",
    "offline-zip",
  ];
  const pkg = {
    name,
    private: true,
    type: "module",
    scripts: Object.fromEntries(commands.map((c) => [c, `union-kb ${c}`])),
    // npm 11 runs a dependency's install script only when allowed here: `node`
    // fetches the Node 24 the tool runs on, esbuild and sharp their binaries.
    allowScripts: { node: true, esbuild: true, sharp: true },
    ...(tool ? { dependencies: { "union-kb": tool } } : {}),
  };
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

export const NPMRC = `# npm run on Node 20 warns EBADENGINE for every package that needs Node 22+,
# though union-kb runs them on the Node 24 it installs: show errors only.
# npm install --loglevel=warn shows the warnings.
loglevel=error
`;

export const GITIGNORE = `node_modules/
dist/
dist-handouts/
.dist-*/
*.zip
.DS_Store
`;

const SCHEMAS = "./node_modules/union-kb/schemas/json";

/** Editor settings: VS Code's YAML extension validates the data files against the tool's JSON Schemas. */
export const VSCODE_SETTINGS = `${JSON.stringify(
  {
    "yaml.schemas": {
      [`${SCHEMAS}/site.json`]: ["site.yaml"],
      [`${SCHEMAS}/topics.json`]: ["topics.yaml"],
      [`${SCHEMAS}/glossary.json`]: ["glossary.yaml"],
      [`${SCHEMAS}/course.json`]: ["courses/*/course.yaml"],
      [`${SCHEMAS}/questions.json`]: ["courses/*/questions.yaml"],
      [`${SCHEMAS}/event.json`]: ["events/*.yaml"],
      [`${SCHEMAS}/campaigns.json`]: ["campaigns.yaml"],
      [`${SCHEMAS}/material.json`]: ["materials/*.yaml"],
    },
    "yaml.validate": true,
    "files.associations": { "*.mdx": "mdx" },
    "files.encoding": "utf8",
    "files.eol": "\n",
    "files.insertFinalNewline": true,
    "editor.wordWrap": "on",
    "[yaml]": {
      "editor.insertSpaces": true,
      "editor.tabSize": 2,
      "editor.detectIndentation": false,
    },
  },
  null,
  2,
)}\n`;

export const VSCODE_EXTENSIONS = `${JSON.stringify(
  { recommendations: ["redhat.vscode-yaml", "astro-build.astro-vscode", "unifiedjs.vscode-mdx"] },
  null,
  2,
)}\n`;
