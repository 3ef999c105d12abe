// `npm run deploy:<env> -- --dry-run`: the complete sequence, without a Google account. The clasp
// commands it prints are checked against the installed clasp (each subcommand and flag exists in
// its --help), and clasp itself — offline — resolves each project file to exactly its bundle.
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { execFileSync, spawnSync } from 'child_process';

const root = path.resolve(__dirname, '../..');
const claspBin = path.join(root, 'node_modules/@google/clasp/build/src/index.js');

function deploy(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts/deploy.mjs'), ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { status: r.status, out: r.stdout, err: r.stderr };
}

/** The command lines of the output (comments start with '#'). */
const commands = (out: string) => out.split('\n').filter((l) => l.trim() && !l.startsWith('#'));

function clasp(args: string[]): string {
  return execFileSync(process.execPath, [claspBin, ...args], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

beforeAll(() => {
  if (!fs.existsSync(path.join(root, 'build/addon/Code.js')) || !fs.existsSync(path.join(root, 'build/scorer/Code.js'))) {
    execFileSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'pipe' });
  }
}, 120_000);

describe('npm run deploy:dev -- --dry-run', () => {
  it('prints every command, in order: checks, then each bundle pushed to its own script, a deployment and a version', () => {
    const r = deploy(['dev', '--dry-run']);
    expect(r.status).toBe(0);
    const lines = commands(r.out);
    expect(lines.map((l) => l.replace(/'DVCQ dev [^']+'/, 'DESC'))).toEqual([
      'npm test',
      'npx clasp show-authorized-user',
      'npx clasp -P .clasp-dev.json push --force',
      'npx clasp -P .clasp-dev.json create-deployment --description DESC',
      'npx clasp -P .clasp-dev-scorer.json push --force',
      'npx clasp -P .clasp-dev-scorer.json create-version DESC',
    ]);
    // The description names the environment, the package version and the commit.
    const version = (JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { version: string }).version;
    expect(lines[3]).toContain(`'DVCQ dev ${version} `);
    expect(lines[3]).toMatch(/ [0-9a-f]{4,} \d{4}-\d\d-\d\dT\d\d:\d\dZ'$/);
    expect(r.out).toContain('# Chạy thử xong: 6 lệnh');
  });

  it('uses only clasp subcommands and flags that the installed clasp has', () => {
    const lines = commands(deploy(['dev', '--dry-run']).out).filter((l) => l.startsWith('npx clasp'));
    // One clasp process per help page (clasp starts slowly): the root lists the subcommands and
    // the global -P; a subcommand given flags has its own page checked.
    const rootHelp = clasp(['--help']);
    expect(rootHelp).toMatch(/-P, --project <file>/);
    const used = new Map<string, Set<string>>();
    for (const l of lines) {
      const words = l
        .replace(/'[^']*'/g, 'X')
        .split(' ')
        .slice(2);
      const [sub, ...flags] = words[0] === '-P' ? words.slice(2) : words;
      expect(rootHelp).toMatch(new RegExp(`^  (\\S+\\|)?${sub}\\b`, 'm'));
      const set = used.get(sub) ?? new Set<string>();
      for (const f of flags.filter((x) => x.startsWith('--'))) set.add(f);
      used.set(sub, set);
    }
    expect([...used.keys()].sort()).toEqual(['create-deployment', 'create-version', 'push', 'show-authorized-user']);
    for (const [sub, flags] of used) {
      if (!flags.size) continue;
      const help = clasp([sub, '--help']);
      for (const f of flags) expect(help).toMatch(new RegExp(`${f}\\b`));
    }
    // The flag used once a deployment id is recorded (next describe) exists too.
    expect(clasp(['create-deployment', '--help'])).toMatch(/--deploymentId <id>/);
  }, 180_000);

  it('each project file leads clasp to exactly its bundle (clasp show-file-status, offline)', () => {
    const files = (p: string) =>
      (JSON.parse(clasp(['-P', p, 'show-file-status', '--json'])) as { filesToPush: string[] }).filesToPush.sort();
    expect(files('.clasp-dev.json')).toEqual([
      'build/addon/Code.js',
      'build/addon/admin.html',
      'build/addon/appsscript.json',
      'build/addon/scorer.html',
    ]);
    expect(files('.clasp-dev-scorer.json')).toEqual(['build/scorer/Code.js', 'build/scorer/appsscript.json', 'build/scorer/scorer.html']);
    // prod and `npm run push` (.clasp.json) point at the same folders; only the script ids differ.
    const rootDir = (f: string) => (JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as { rootDir: string }).rootDir;
    expect([rootDir('.clasp-prod.json'), rootDir('.clasp.json')]).toEqual(['build/addon', 'build/addon']);
    expect(rootDir('.clasp-prod-scorer.json')).toBe('build/scorer');
  }, 180_000);
});

describe('npm run deploy:prod', () => {
  it('updates the same deployment to a new version once its id is recorded', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvcq-deploy-'));
    fs.writeFileSync(
      path.join(dir, '.clasp-prod.json'),
      JSON.stringify({ scriptId: '1AbcAddon', rootDir: 'build/addon', deploymentId: 'AKfyDeploy' }),
    );
    fs.writeFileSync(path.join(dir, '.clasp-prod-scorer.json'), JSON.stringify({ scriptId: '1AbcScorer', rootDir: 'build/scorer' }));
    const r = deploy(['prod', '--dry-run'], { DVCQ_DEPLOY_DIR: dir });
    expect(r.status).toBe(0);
    const rel = path.relative(root, dir);
    const lines = commands(r.out);
    expect(lines[2]).toBe(`npx clasp -P ${rel}/.clasp-prod.json push --force`);
    expect(lines[3]).toMatch(
      new RegExp(`^npx clasp -P ${rel}/\\.clasp-prod\\.json create-deployment --deploymentId AKfyDeploy --description 'DVCQ prod `),
    );
    expect(lines[4]).toBe(`npx clasp -P ${rel}/.clasp-prod-scorer.json push --force`);
    expect(r.out).not.toContain('chỗ giữ chỗ');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('a placeholder script id is said in a dry run, and refused by a real run before anything runs, naming the file', () => {
    // Placeholders written here, not the committed files (which a deployer fills): this test never deploys.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dvcq-deploy-'));
    fs.writeFileSync(
      path.join(dir, '.clasp-prod.json'),
      JSON.stringify({ scriptId: 'THAY_BANG_SCRIPT_ID_TIEN_ICH_PROD', rootDir: 'build/addon' }),
    );
    fs.writeFileSync(
      path.join(dir, '.clasp-prod-scorer.json'),
      JSON.stringify({ scriptId: 'THAY_BANG_SCRIPT_ID_BAN_GOC_PROD', rootDir: 'build/scorer' }),
    );
    const rel = path.relative(root, dir);
    const dry = deploy(['prod', '--dry-run'], { DVCQ_DEPLOY_DIR: dir });
    expect(dry.status).toBe(0);
    expect(dry.out).toContain(`${rel}/.clasp-prod.json: scriptId vẫn là chỗ giữ chỗ «THAY_BANG_SCRIPT_ID_TIEN_ICH_PROD»`);
    const r = deploy(['prod'], { DVCQ_DEPLOY_DIR: dir });
    expect(r.status).toBe(1);
    expect(r.err).toMatch(new RegExp(`^Lỗi: ${rel.replace(/[.]/g, '\\.')}/\\.clasp-prod\\.json: scriptId vẫn là chỗ giữ chỗ «THAY_BANG_`));
    expect(commands(r.out)).toEqual([]);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('an unknown environment or option is refused in Vietnamese', () => {
    expect(deploy(['staging', '--dry-run']).err).toMatch(/^Lỗi: hãy chọn môi trường: .*dev\|prod/);
    expect(deploy(['dev', '--force']).err).toMatch(/^Lỗi: không hiểu tùy chọn --force/);
  });
});
