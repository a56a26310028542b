/**
 * Words and phrases the generator combines into realistic trade-union
 * education material. Chinese and English lists run in parallel where an
 * entry needs both (titles, topics, glossary terms).
 */

/** The controlled vocabulary of a generated knowledge base (topics.yaml). */
export const TOPICS = [
  { id: "vocational-education", zh: "职业教育", en: "Vocational education" },
  { id: "vocational-training", zh: "职业培训", en: "Vocational training" },
  { id: "employee-education-funds", zh: "职工教育经费", en: "Employee education funds" },
  { id: "learning-organisations", zh: "学习型组织与知识型职工", en: "Learning organisations" },
  { id: "skills-competitions", zh: "劳动和技能竞赛", en: "Labour and skills competitions" },
  { id: "apprenticeship", zh: "学徒制与师带徒", en: "Apprenticeship and mentoring" },
  { id: "re-employment", zh: "再就业与转岗培训", en: "Re-employment and redeployment" },
  { id: "cultural-palaces", zh: "职工文化阵地", en: "Workers' cultural venues" },
  { id: "union-rights-duties", zh: "工会的权利和义务", en: "Union rights and duties" },
  { id: "collective-bargaining", zh: "集体协商与集体合同", en: "Collective bargaining" },
  { id: "workplace-safety", zh: "安全生产教育", en: "Safety education" },
  { id: "education-management", zh: "职工教育工作规范化", en: "Managing workers' education" },
  { id: "vocational-education-system", zh: "职业教育体系", en: "The vocational education system" },
  { id: "migrant-workers", zh: "农民工培训", en: "Training for migrant workers" },
  { id: "women-workers", zh: "女职工素质提升", en: "Women workers' development" },
  { id: "digital-skills", zh: "数字技能", en: "Digital skills" },
] as const;

/** Subjects of course and lesson titles: [zh, en]. */
export const SUBJECTS: readonly (readonly [string, string])[] = [
  ["职工教育经费的提取和使用", "raising and spending employee education funds"],
  ["岗前安全培训", "pre-job safety training"],
  ["师带徒协议", "master-apprentice agreements"],
  ["技能等级认定", "skill-level certification"],
  ["集体合同中的培训条款", "training clauses in collective contracts"],
  ["职工书屋建设", "workers' reading rooms"],
  ["学习型班组", "learning teams"],
  ["转岗职工再培训", "retraining redeployed workers"],
  ["劳动竞赛的组织", "organising labour competitions"],
  ["职工夜校", "evening schools for workers"],
  ["农民工学历提升", "qualifications for migrant workers"],
  ["数字技能培训", "digital skills training"],
  ["职业技能竞赛", "vocational skills contests"],
  ["合理化建议活动", "rationalisation proposals"],
  ["职工培训需求调查", "surveying training needs"],
  ["培训期间的工资待遇", "pay during training"],
  ["工会送教上门", "union courses at the workplace"],
  ["新职工入职教育", "induction for new employees"],
  ["女职工技能提升", "upskilling women workers"],
  ["职业教育活动周", "vocational education week"],
];

/** Words that make titles of the same subject differ: [zh, en]. */
export const ANGLES: readonly (readonly [string, string])[] = [
  ["基本要求", "the basics"],
  ["法律依据", "the legal basis"],
  ["常见问题", "common questions"],
  ["实务操作", "in practice"],
  ["工会的作用", "the union's role"],
  ["案例分析", "case analysis"],
  ["监督检查", "monitoring"],
  ["经验做法", "good practice"],
  ["制度建设", "building the system"],
  ["协商要点", "bargaining points"],
];

export const SECTORS = [
  "汽车零部件",
  "纺织",
  "轨道交通",
  "建筑施工",
  "物流快递",
  "餐饮服务",
  "化工",
  "电力",
  "机械制造",
  "医药",
  "食品加工",
  "供水",
];
export const REGIONS = [
  "华东某市",
  "华北某省",
  "西南某县",
  "华南某区",
  "东北某市",
  "西北某市",
  "华中某开发区",
];
export const ISSUERS = {
  law: "全国人民代表大会常务委员会",
  "administrative-regulation": "国务院",
  "state-council-decision": "国务院",
  "departmental-rule": "人力资源和社会保障部",
  "local-regulation": "示例省人民代表大会常务委员会",
  "union-document": "中华全国总工会",
} as const;

/** Names of generated policies: [zh core, en core]. */
export const POLICY_SUBJECTS: readonly (readonly [string, string])[] = [
  ["职工教育", "Workers' Education"],
  ["职业技能培训", "Vocational Skills Training"],
  ["工会劳动保护", "Union Labour Protection"],
  ["职工教育经费管理", "Management of Employee Education Funds"],
  ["企业职工培训", "Enterprise Employee Training"],
  ["职业技能鉴定", "Vocational Skills Assessment"],
  ["工人文化宫管理", "Management of Workers' Cultural Palaces"],
  ["安全生产培训", "Safety Training"],
  ["职工权益保障", "Protection of Workers' Rights"],
  ["学徒培训", "Apprentice Training"],
];

export const CHAPTER_TITLES = [
  "一般规定",
  "教育培训",
  "经费保障",
  "工会职责",
  "用人单位义务",
  "监督检查",
  "考核与证书",
  "表彰奖励",
  "法律责任",
];

/** Chinese sentence parts: subject, predicate, adverbial. */
export const ZH_SUBJECTS = [
  "基层工会",
  "用人单位",
  "职工代表大会",
  "企业",
  "县级以上人民政府",
  "职业学校",
  "班组长",
  "工会女职工委员会",
  "培训机构",
  "一线职工",
  "工会经费审查委员会",
  "人力资源社会保障部门",
];
export const ZH_PREDICATES = [
  "应当有计划地组织职工参加岗位培训",
  "按照国家规定提取和使用职工教育经费",
  "把培训计划提交职工代表大会讨论",
  "在集体协商中提出培训时间和经费的具体要求",
  "为技术工种职工安排上岗前培训",
  "对培训效果进行跟踪评估并公布结果",
  "支持职工参加职业技能等级认定",
  "开展劳动和技能竞赛，选树岗位能手",
  "为农民工提供夜校和网上课程",
  "保障职工在培训期间的工资和福利待遇",
  "监督企业履行职工教育培训义务",
  "建立职工培训档案，记录学时和证书",
];
export const ZH_ADVERBIALS = [
  "在年度培训计划中",
  "结合岗位实际",
  "在签订集体合同时",
  "根据职工的意见",
  "在企业转型升级过程中",
  "每年第一季度",
  "在新职工入职时",
  "依照有关法律规定",
  "在职工书屋和文化宫",
  "在安全生产月期间",
];
export const ZH_REMARKS = [
  "这一做法在许多地方已经证明有效。",
  "职工普遍反映，这样安排更容易坚持下来。",
  "工会应当把落实情况向职工公开。",
  "没有具体条款，监督就无从谈起。",
  "经费用在一线职工身上，才能真正提高队伍素质。",
  "培训不是福利，而是职工依法享有的权利。",
  "讲师可以结合本单位的实际案例展开讨论。",
];

/** English sentence parts. */
export const EN_SUBJECTS = [
  "The grass-roots union",
  "The employer",
  "The workers' congress",
  "Each enterprise",
  "The county government",
  "The training provider",
  "Team leaders",
  "The women workers' committee",
  "Frontline workers",
  "The education department",
];
export const EN_PREDICATES = [
  "should plan training for every job and publish the plan",
  "must set aside employee education funds as the rules require",
  "can raise training time and funding in collective bargaining",
  "arranges safety training before anyone starts a technical job",
  "tracks whether training changed how the work is done",
  "supports workers who apply for skill-level certification",
  "organises skills contests and recognises the best workers",
  "offers evening classes and online courses for migrant workers",
  "keeps paying wages while workers are away on training",
  "checks that the employer keeps its training commitments",
];
export const EN_ADVERBIALS = [
  "in the annual plan",
  "at the start of each year",
  "when the contract is renewed",
  "after asking the workers",
  "during restructuring",
  "for new employees",
  "under the applicable laws",
  "in the cultural palace",
];

export const QUESTIONS_ZH = [
  "你所在单位的培训计划是否向职工公开？",
  "职工教育经费有多少用在了一线职工身上？",
  "培训安排在休息日时，应当怎样处理工资和补休？",
  "工会可以通过哪些渠道了解职工的培训需求？",
  "集体合同中的培训条款怎样写才便于监督？",
  "本单位的技能竞赛与岗位培训是否衔接？",
  "如果企业不履行培训义务，工会可以怎么做？",
  "怎样让农民工和劳务派遣职工也能参加培训？",
];
