/**
 * `npm run dist` needs Electron's binary, which our CI machines cannot download; this checks
 * what can be checked without it: electron-builder.yml against electron-builder's own schema,
 * and the promises it makes (targets, the .strata association, icons, fuses).
 */
import Ajv from 'ajv';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);
const BUILDER = dirname(require.resolve('app-builder-lib/package.json'));
// The YAML reader electron-builder itself uses, so the file is read exactly as it will be.
const { load } = createRequire(join(BUILDER, 'package.json'))('js-yaml') as { load: (text: string) => unknown };

interface Config {
  appId: string;
  productName: string;
  files: string[];
  directories: { buildResources: string };
  fileAssociations: Record<string, string>[];
  linux: { target: string[]; icon: string };
  mac: { target: string[]; icon: string };
  win: { target: string[]; icon: string };
  electronFuses: Record<string, boolean>;
}

const config = load(readFileSync('electron-builder.yml', 'utf8')) as Config;

function pngSize(path: string): { width: number; height: number } {
  const png = readFileSync(path);
  expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

describe('Electron', () => {
  it('is a supported major, 45 or newer, pinned exactly', () => {
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { devDependencies: Record<string, string> };
    const version = manifest.devDependencies.electron!;
    expect(version).toMatch(/^\d+\.\d+\.\d+$/);
    expect(Number(version.split('.')[0])).toBeGreaterThanOrEqual(45);
  });
});

describe('electron-builder.yml', () => {
  it('is valid for the installed electron-builder', () => {
    const schema = JSON.parse(readFileSync(join(BUILDER, 'scheme.json'), 'utf8')) as object;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config) ? [] : validate.errors).toEqual([]);
  });

  it('names the app and packs only the build output', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.productName).toBe('Strata');
    expect(config.files).toEqual(['out/**', 'package.json']);
    const manifest = JSON.parse(readFileSync('package.json', 'utf8')) as { main: string; scripts: Record<string, string> };
    expect(manifest.main.startsWith('out/')).toBe(true);
    expect(manifest.scripts.dist).toContain('electron-builder --config electron-builder.yml');
  });

  it('builds AppImage and deb, dmg, and an NSIS installer', () => {
    expect(config.linux.target).toEqual(['AppImage', 'deb']);
    expect(config.mac.target).toEqual(['dmg']);
    expect(config.win.target).toEqual(['nsis']);
  });

  it('opens .strata files as their editor', () => {
    expect(config.fileAssociations).toEqual([
      expect.objectContaining({
        ext: 'strata',
        name: 'Strata diagram',
        description: expect.any(String),
        role: 'Editor',
        mimeType: 'application/x-strata+json',
        icon: 'icon',
      }),
    ]);
    // electron-builder looks the association's icon up in buildResources, as .icns and .ico.
    for (const extension of ['icns', 'ico']) {
      expect(existsSync(join(config.directories.buildResources, `icon.${extension}`))).toBe(true);
    }
  });

  it('has its icons: a 1024×1024 PNG from the SVG, an ICO and an ICNS', () => {
    expect(pngSize(config.linux.icon)).toEqual({ width: 1024, height: 1024 });
    expect(readFileSync('assets/icon.svg', 'utf8')).toMatch(/^<svg [^>]*viewBox="0 0 1024 1024"/);
    const ico = readFileSync(config.win.icon);
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    expect(ico.readUInt16LE(4)).toBeGreaterThanOrEqual(6);
    expect(ico.readUInt8(6 + 16 * (ico.readUInt16LE(4) - 1))).toBe(0); // the largest is 256 px
    const icns = readFileSync(config.mac.icon);
    expect(icns.toString('ascii', 0, 4)).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    expect(icns.includes(Buffer.from('ic10'))).toBe(true); // 1024 px
  });

  it('flips every security fuse', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });
});
