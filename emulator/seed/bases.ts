/**
 * Red-education bases in 永州 (Yongzhou, Hunan) recommended by the "红色教育进学院" programme.
 *
 * COORDINATES ARE APPROXIMATE (every entry has `approximate: true`): they are the rough location of
 * the county/district seat (县城/区政府一带) the site belongs to, not the site itself, so two sites in
 * the same county share a point. Replace them with surveyed coordinates before check-ins are
 * enforced in production; `radiusM` is generous for the same reason.
 *
 * Intros are deliberately generic: they name the story a site is used to tell, without dates,
 * numbers or details that were not verified.
 */
export interface BaseSeed {
  /** slug: a-z, 0-9, '-' and '_' */
  id: string;
  name: string;
  county: string;
  address: string;
  latitude: number;
  longitude: number;
  approximate: true;
  radiusM: number;
  theme: string;
  intro: string;
}

/** Check-in radius for a county-level approximate point. */
const APPROX_RADIUS_M = 3000;

export const seedBases: BaseSeed[] = [
  {
    id: 'daoxian-chenshuxiang',
    name: '道县陈树湘党性教育基地',
    county: '道县',
    address: '湖南省永州市道县（坐标为县城附近的近似位置）',
    latitude: 25.527,
    longitude: 111.6,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '绝对忠诚',
    intro: '党性教育基地，讲述红三十四师师长陈树湘在湘江战役后负伤被俘、“断肠明志”的故事，传承对党绝对忠诚的精神。',
  },
  {
    id: 'lingling-hongliujuntuan-hq',
    name: '零陵红六军团指挥部旧址',
    county: '零陵区',
    address: '湖南省永州市零陵区（坐标为城区附近的近似位置）',
    latitude: 26.221,
    longitude: 111.631,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '长征精神',
    intro: '革命旧址，讲述1934年红六军团西征途经永州的历史。',
  },
  {
    id: 'lanshan-xincun-ferry',
    name: '蓝山中国工农红军新村渡口',
    county: '蓝山县',
    address: '湖南省永州市蓝山县（坐标为县城附近的近似位置）',
    latitude: 25.369,
    longitude: 112.196,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '长征精神',
    intro: '红色教育基地，讲述中国工农红军长征途经蓝山的故事。',
  },
  {
    id: 'lanshan-yunbingshan-post',
    name: '蓝山云冰山哨所',
    county: '蓝山县',
    address: '湖南省永州市蓝山县（坐标为县城附近的近似位置）',
    latitude: 25.369,
    longitude: 112.196,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '红色传承',
    intro: '红色教育教学点，以现场讲解为准，讲述云冰山哨所的红色故事。',
  },
  {
    id: 'shuangpai-hongjunquan',
    name: '双牌红军泉',
    county: '双牌县',
    address: '湖南省永州市双牌县（坐标为县城附近的近似位置）',
    latitude: 25.96,
    longitude: 111.66,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '军民鱼水情',
    intro: '红色教育教学点，讲述“红军泉”的故事，体会红军与群众的鱼水深情。',
  },
  {
    id: 'xintian-xiaoyuan-meeting',
    name: '新田小源会议旧址',
    county: '新田县',
    address: '湖南省永州市新田县（坐标为县城附近的近似位置）',
    latitude: 25.906,
    longitude: 112.203,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '革命传统',
    intro: '红色教育教学点，讲述小源会议的历史，以现场讲解为准。',
  },
  {
    id: 'lengshuitan-lida-residence',
    name: '冷水滩李达故居',
    county: '冷水滩区',
    address: '湖南省永州市冷水滩区（坐标为城区附近的近似位置）',
    latitude: 26.461,
    longitude: 111.592,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '求真精神',
    intro: '红色教育教学点，讲述中国共产党主要创建者之一、中共一大代表李达的生平，学习他追求真理的求真精神。',
  },
  {
    id: 'qiyang-taozhu-residence',
    name: '祁阳陶铸故居',
    county: '祁阳市',
    address: '湖南省永州市祁阳市（坐标为城区附近的近似位置）',
    latitude: 26.58,
    longitude: 111.84,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '松树风格',
    intro: '红色教育教学点，讲述祁阳籍无产阶级革命家陶铸的生平，学习《松树的风格》所倡导的“要求于人的甚少，给予人的甚多”的精神。',
  },
  {
    id: 'jianghua-residence',
    name: '江华故居',
    county: '江华瑶族自治县',
    address: '湖南省永州市江华瑶族自治县（县区按名称推定，坐标为县城附近的近似位置，待核实）',
    latitude: 25.185,
    longitude: 111.579,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '革命传统',
    intro: '红色教育教学点，讲述老一辈革命家的革命事迹，具体内容以现场讲解为准。',
  },
  {
    id: 'panshi-red-army-school',
    name: '潘市红军学校',
    county: '祁阳市',
    address: '湖南省永州市祁阳市潘市镇（所属乡镇待核实，坐标为祁阳城区附近的近似位置）',
    latitude: 26.58,
    longitude: 111.84,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '红色传承',
    intro: '红色教育教学点，讲述潘市红军学校的红色故事，具体内容以现场讲解为准。',
  },
  {
    id: 'longdang-hongliujuntuan',
    name: '红六军团在龙凼',
    county: '永州市（所属县区待核实）',
    address: '湖南省永州市（具体位置待核实，坐标为永州市区附近的近似位置）',
    latitude: 26.42,
    longitude: 111.613,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '长征精神',
    intro: '红色教育教学点，讲述1934年红六军团西征途经永州的故事。',
  },
  {
    id: 'yuetianyu-exhibition',
    name: '乐天宇事迹陈列馆',
    county: '宁远县',
    address: '湖南省永州市宁远县（县区待核实，坐标为县城附近的近似位置）',
    latitude: 25.57,
    longitude: 111.946,
    approximate: true,
    radiusM: APPROX_RADIUS_M,
    theme: '红色传承',
    intro: '红色教育教学点，陈列乐天宇的生平事迹，具体内容以现场讲解为准。',
  },
];
