// One deployment command per environment, as google/aside does (`npm run deploy:dev`,
// `npm run deploy:prod`): check (lint, type check, tests, build), then push each bundle to its own
// Apps Script project with clasp 3 and record a version:
//  - the admin add-on (build/addon, project file .clasp-<env>.json): push, then a versioned
//    deployment — the same deployment updated to a new version when `deploymentId` is set (the
//    Marketplace guide warns that a new deployment id disables the old one's triggers);
//  - the scorer's bound script of the master unit file (build/scorer, .clasp-<env>-scorer.json):
//    push, then a version (a bound script runs its current code; unit files copied from now on
//    carry it).
// `--dry-run` needs no Google account: it runs nothing and prints every command it would run.
// Guide: docs/TRIEN-KHAI.md.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
/** Where the .clasp-*.json files are (tests point it at a scratch folder). */
const configDir = process.env.DVCQ_DEPLOY_DIR ? path.resolve(process.env.DVCQ_DEPLOY_DIR) : root;
const PLACEHOLDER = /^THAY_BANG_/;

const args = process.argv.slice(2);
const env = args.find((a) => !a.startsWith('-'));
const dryRun = args.includes('--dry-run');
const unknown = args.filter((a) => a.startsWith('-') && a !== '--dry-run');

function stop(message) {
  console.error(`Lỗi: ${message}`);
  process.exit(1);
}

if (env !== 'dev' && env !== 'prod')
  stop('hãy chọn môi trường: node scripts/deploy.mjs dev|prod [--dry-run] (hoặc npm run deploy:dev / deploy:prod).');
if (unknown.length) stop(`không hiểu tùy chọn ${unknown.join(', ')} (chỉ có --dry-run).`);

/** A project file: its name (relative, as clasp is given it) and content. */
function project(name) {
  const file = path.join(configDir, name);
  if (!fs.existsSync(file)) stop(`thiếu tệp ${name} (xem docs/TRIEN-KHAI.md, mục «Môi trường»).`);
  let json;
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    stop(`${name} không phải JSON hợp lệ (${e.message}).`);
  }
  const placeholder = !json.scriptId || PLACEHOLDER.test(String(json.scriptId));
  return { name: path.relative(root, file) || name, json, placeholder };
}

const addon = project(`.clasp-${env}.json`);
const scorer = project(`.clasp-${env}-scorer.json`);
for (const p of [addon, scorer]) {
  if (!p.placeholder) continue;
  const message = `${p.name}: scriptId vẫn là chỗ giữ chỗ «${p.json.scriptId ?? ''}»; điền mã tập lệnh (Script ID) của dự án Apps Script (docs/TRIEN-KHAI.md).`;
  if (!dryRun) stop(message);
  console.log(`# Cảnh báo (chạy thử): ${message}`);
}

function gitRevision() {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    }).trim();
  } catch {
    return 'khong-ro';
  }
}

const version = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')).version;
const description = `DVCQ ${env} ${version} ${gitRevision()} ${new Date().toISOString().slice(0, 16)}Z`;
const clasp = (p, ...rest) => ['npx', 'clasp', '-P', p.name, ...rest];

/** The whole sequence: [what it does (Vietnamese), command]. */
const steps = [
  ['Kiểm tra trước khi triển khai: build, kiểm tra kiểu, lint, kiểm thử (npm test)', ['npm', 'test']],
  ['Tài khoản Google mà clasp đang dùng', ['npx', 'clasp', 'show-authorized-user']],
  [`Đẩy tiện ích quản trị (build/addon) lên dự án ${addon.json.scriptId}`, clasp(addon, 'push', '--force')],
  addon.json.deploymentId && !PLACEHOLDER.test(addon.json.deploymentId)
    ? [
        `Tạo phiên bản mới và cập nhật bản triển khai ${addon.json.deploymentId} của tiện ích`,
        clasp(addon, 'create-deployment', '--deploymentId', addon.json.deploymentId, '--description', description),
      ]
    : [
        'Tạo phiên bản mới và một bản triển khai (lần đầu: chép mã bản triển khai vào trường deploymentId của ' + addon.name + ')',
        clasp(addon, 'create-deployment', '--description', description),
      ],
  [`Đẩy mã chấm điểm (build/scorer) lên dự án gắn với bản gốc biểu chấm điểm ${scorer.json.scriptId}`, clasp(scorer, 'push', '--force')],
  ['Tạo phiên bản mới của mã chấm điểm (để lưu vết; các biểu mẫu sao từ nay mang mã này)', clasp(scorer, 'create-version', description)],
];

const quote = (a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`);
const line = (cmd) => cmd.map(quote).join(' ');

console.log(`# Triển khai DVCQ — môi trường ${env}${dryRun ? ' (chạy thử: không chạy lệnh nào, chỉ in ra)' : ''}`);
const done = [];
for (const [what, cmd] of steps) {
  console.log(`\n# ${what}`);
  console.log(line(cmd));
  if (dryRun) continue;
  const r = spawnSync(cmd[0], cmd.slice(1), { cwd: root, stdio: ['inherit', 'pipe', 'inherit'], encoding: 'utf8' });
  if (r.stdout) process.stdout.write(r.stdout);
  if (r.status !== 0)
    stop(
      `lệnh «${line(cmd)}» thất bại (mã ${r.status ?? r.signal}); dừng triển khai. Đã làm: ${done.length ? done.join('; ') : 'chưa có gì'}.`,
    );
  const deployed = /Deployed (\S+) @(\d+)/.exec(r.stdout ?? '');
  const created = /Created version (\d+)/.exec(r.stdout ?? '');
  done.push(
    deployed ? `${what} (bản triển khai ${deployed[1]}, phiên bản ${deployed[2]})` : created ? `${what} (phiên bản ${created[1]})` : what,
  );
}

console.log('');
if (dryRun) {
  console.log(`# Chạy thử xong: ${steps.length} lệnh ở trên sẽ được chạy theo thứ tự bởi npm run deploy:${env}.`);
} else {
  console.log('# Đã triển khai:');
  for (const d of done) console.log(`#  - ${d}`);
  if (env === 'prod') {
    console.log(
      '# Việc còn lại (bằng tay): Google Workspace Marketplace SDK › Cấu hình ứng dụng: đặt số phiên bản mới của tiện ích (xem docs/TRIEN-KHAI.md).',
    );
  }
}
