import { ESLint, type Linter } from 'eslint';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

// Lints in-memory snippets as if they were files in the project, through the
// project's own eslint.config.js, so a rule that stops rejecting fails here.
const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

let eslint: ESLint;

beforeAll(() => {
  eslint = new ESLint({
    cwd: projectRoot,
    overrideConfigFile: join(projectRoot, 'eslint.config.js'),
  });
});

async function lint(relativePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(projectRoot, relativePath) });
  if (!result) {
    throw new Error(`ESLint returned no result for ${relativePath}`);
  }
  return result.messages;
}

function ruleIds(messages: Linter.LintMessage[]): (string | null)[] {
  return messages.map((message) => message.ruleId);
}

describe('import boundaries', () => {
  it('rejects electron in core', async () => {
    const messages = await lint(
      'core/vault/probe.ts',
      "import { app } from 'electron';\nexport const name = app.name;\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
    expect(messages[0]?.severity).toBe(2);
  });

  it('rejects react and MUI in cli', async () => {
    const messages = await lint(
      'cli/probe.ts',
      "import React from 'react';\nimport Button from '@mui/material/Button';\nexport const parts = [React, Button];\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  });

  it('rejects renderer path in core', async () => {
    const messages = await lint(
      'core/reports/probe.ts',
      "export { theme } from '../../renderer/theme/theme.js';\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });

  it('rejects dynamic electron import in core', async () => {
    const messages = await lint(
      'core/keychain/probe.ts',
      "export const load = () => import('electron');\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-syntax']);
  });

  it('rejects core path in renderer', async () => {
    const messages = await lint(
      'renderer/src/probe.ts',
      "import { openVault } from '../../core/vault/vault.js';\nexport const open = openVault;\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });

  it('rejects node built-ins in renderer', async () => {
    const messages = await lint(
      'renderer/src/probe.ts',
      "import fs from 'fs';\nimport { join } from 'node:path';\nimport { Entry } from '@napi-rs/keyring';\nexport const parts = [fs, join, Entry];\n",
    );

    expect(ruleIds(messages)).toEqual([
      'no-restricted-imports',
      'no-restricted-imports',
      'no-restricted-imports',
    ]);
  });

  it('allows shared import in renderer', async () => {
    const messages = await lint(
      'renderer/src/probe.ts',
      "import { AppError } from '../../shared/errors.js';\nexport const error = AppError;\n",
    );

    expect(messages).toEqual([]);
  });

  it('rejects node:fs in shared', async () => {
    const messages = await lint(
      'shared/ipc/probe.ts',
      "import { readFileSync } from 'node:fs';\nexport const read = readFileSync;\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });

  it('rejects core path in shared', async () => {
    const messages = await lint(
      'shared/ipc/probe.ts',
      "import type { Vault } from '../../core/vault/vault.js';\nexport type Handle = Vault;\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-imports']);
  });

  it('allows shared import in core', async () => {
    const messages = await lint(
      'core/vault/probe.ts',
      "import { AppError } from '../../shared/errors.js';\nexport const error = AppError;\n",
    );

    expect(messages).toEqual([]);
  });

  it('allows electron and shared in preload', async () => {
    const messages = await lint(
      'electron/preload/index.ts',
      "import { contextBridge } from 'electron';\nimport { channels } from '../../shared/ipc/channels.js';\nimport type { z } from 'zod';\nexport const parts = [contextBridge, channels];\nexport type Schema = z.ZodType;\n",
    );

    expect(messages).toEqual([]);
  });

  it('rejects main and zod in preload', async () => {
    const messages = await lint(
      'electron/preload/index.ts',
      "import { handlers } from '../main/handlers.js';\nimport { z } from 'zod';\nexport const parts = [handlers, z];\n",
    );

    expect(ruleIds(messages)).toEqual(['no-restricted-imports', 'no-restricted-imports']);
  });
});

describe('other restrictions', () => {
  it('rejects console in core', async () => {
    const messages = await lint('core/audit/probe.ts', "console.log('opened');\n");

    expect(ruleIds(messages)).toEqual(['no-console']);
  });

  it('allows console in cli', async () => {
    const messages = await lint('cli/probe.ts', "console.log('opened');\n");

    expect(messages).toEqual([]);
  });

  it('rejects eval and new Function', async () => {
    const messages = await lint(
      'cli/probe.ts',
      "export const a = eval('1');\nexport const b = new Function('return 1');\n",
    );

    expect(ruleIds(messages)).toEqual(['no-eval', 'no-new-func']);
  });
});
