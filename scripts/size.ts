/**
 * Weapp package sizes against the budgets in ARCHITECTURE.md, "Budgets" (WeChat's hard limit is 2 MB per package;
 * we keep headroom). Run after `npm run build:weapp`; exits non-zero when a budget is exceeded.
 */
import fs from 'node:fs';
import path from 'node:path';

const KB = 1024;
const MAIN_BUDGET_KB = 1000;
const SUBPACKAGE_BUDGET_KB = 1500;

const distRoot = path.resolve(__dirname, '..', 'dist', 'weapp');

interface SubpackageConfig {
  root: string;
}

interface PackageSize {
  name: string;
  root: string;
  bytes: number;
  budgetKb: number;
}

function listFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const fullPath = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(fullPath) : [fullPath];
  });
}

/** Sub-package roots in app.json may be written `packageA`, `packageA/` or `/packageA`. */
function normaliseRoot(root: string): string {
  return root.replace(/^\/+/, '').replace(/\/+$/, '') + '/';
}

function readSubpackageRoots(): string[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(distRoot, 'app.json'), 'utf8')) as {
    subpackages?: SubpackageConfig[];
    subPackages?: SubpackageConfig[];
  };
  return [...(appJson.subpackages ?? []), ...(appJson.subPackages ?? [])].map((sub) => normaliseRoot(sub.root));
}

function measure(): PackageSize[] {
  const subpackageRoots = readSubpackageRoots();
  const main: PackageSize = { name: '主包', root: '/', bytes: 0, budgetKb: MAIN_BUDGET_KB };
  const subpackages = subpackageRoots.map<PackageSize>((root) => ({
    name: `分包 ${root}`,
    root,
    bytes: 0,
    budgetKb: SUBPACKAGE_BUDGET_KB,
  }));

  for (const file of listFiles(distRoot)) {
    const relative = path.relative(distRoot, file).split(path.sep).join('/');
    // Source maps and licence notes are not uploaded with the package.
    if (relative.endsWith('.map') || relative.endsWith('.LICENSE.txt')) continue;
    const bytes = fs.statSync(file).size;
    const owner = subpackages.find((sub) => relative.startsWith(sub.root)) ?? main;
    owner.bytes += bytes;
  }
  return [main, ...subpackages];
}

function main(): number {
  if (!fs.existsSync(path.join(distRoot, 'app.json'))) {
    console.error('dist/weapp/app.json not found: run `npm run build:weapp` first.');
    return 1;
  }
  const packages = measure();
  const rows = packages.map((pkg) => {
    const sizeKb = pkg.bytes / KB;
    return {
      package: pkg.name,
      'size (KB)': sizeKb.toFixed(1),
      'budget (KB)': pkg.budgetKb,
      status: sizeKb <= pkg.budgetKb ? 'ok' : 'OVER BUDGET',
    };
  });
  const totalKb = packages.reduce((sum, pkg) => sum + pkg.bytes, 0) / KB;
  console.table(rows);
  console.log(`total: ${totalKb.toFixed(1)} KB`);

  const over = packages.filter((pkg) => pkg.bytes / KB > pkg.budgetKb);
  for (const pkg of over) {
    console.error(`${pkg.name} is ${(pkg.bytes / KB).toFixed(1)} KB, over its ${pkg.budgetKb} KB budget`);
  }
  return over.length === 0 ? 0 : 1;
}

process.exitCode = main();
