import type { Database } from 'better-sqlite3-multiple-ciphers';

import { CLASSIFICATION_LEVELS } from '../../shared/domain/classification.js';
import {
  classificationScaleInputSchema,
  levelRemapSchema,
  type ClassificationScale,
  type ClassificationScaleInput,
  type LevelRemap,
  type ScaleChangeResult,
  type ScaleLevel,
} from '../../shared/domain/classification-scale.js';
import { SynapseError } from '../../shared/errors.js';
import { parseInput } from '../validation.js';
import type { Vault } from '../vault/vault.js';
import { ENTRY_COLUMNS, ENTRY_FROM, toEntry, type EntryRow } from './repository.js';

interface LevelRow {
  name: string;
  rank: number;
  label: string;
  color: string;
  requires_encryption: number;
}

/** A validated scale change, ready to be written. */
interface ScalePlan {
  levels: ScaleLevel[];
  aliases: Record<string, string>;
  remap: LevelRemap;
  remapped: ScaleChangeResult['remapped'];
  kept: number;
}

/**
 * The vault's classification scale. Entries reference a level by name, and the database rejects a
 * name that is not on the scale. This service validates names first, so the caller gets a message
 * that lists the levels.
 */
export class ScaleService {
  private readonly db: Database;
  private cached: ClassificationScale | null = null;

  constructor(
    private readonly vault: Vault,
    private readonly actor: string,
  ) {
    this.db = vault.db;
  }

  get(): ClassificationScale {
    if (this.cached !== null) {
      return this.cached;
    }

    const rows = this.db
      .prepare('SELECT * FROM classification_levels ORDER BY rank')
      .all() as LevelRow[];
    const aliasRows = this.db
      .prepare('SELECT alias, level FROM classification_level_aliases ORDER BY alias')
      .all() as { alias: string; level: string }[];
    const levels = rows.map((row, rank) => ({
      name: row.name,
      label: row.label,
      color: row.color,
      requiresEncryption: row.requires_encryption === 1,
      rank,
    }));
    const aliases = Object.fromEntries(aliasRows.map((row) => [row.alias, row.level]));
    const isDefault =
      aliasRows.length === 0 &&
      levels.length === CLASSIFICATION_LEVELS.length &&
      levels.every((level, index) => level.name === CLASSIFICATION_LEVELS[index]);

    this.cached = { levels, aliases, isDefault };
    return this.cached;
  }

  /**
   * Returns the scale's level for a name: the name itself (ignoring letter case) or the level an
   * alias maps it to. Returns null for a name the scale does not know.
   */
  resolve(name: string): string | null {
    const scale = this.get();
    const wanted = name.trim().toUpperCase();
    const level = scale.levels.find((candidate) => candidate.name.toUpperCase() === wanted);
    if (level !== undefined) {
      return level.name;
    }
    const alias = Object.keys(scale.aliases).find(
      (candidate) => candidate.toUpperCase() === wanted,
    );
    return alias === undefined ? null : (scale.aliases[alias] ?? null);
  }

  /** Resolves a level name or throws INVALID_INPUT that lists the scale's levels. */
  requireLevel(name: string): string {
    const level = this.resolve(name);
    if (level === null) {
      const names = this.get().levels.map((candidate) => candidate.name);
      throw new SynapseError(
        'INVALID_INPUT',
        `Level "${name}" is not on the vault's classification scale. Use one of ${names.join(', ')}.`,
      );
    }
    return level;
  }

  /** Validates a scale change and returns what it would do, without writing anything. */
  preview(input: ClassificationScaleInput, remap: LevelRemap = {}): ScaleChangeResult {
    const plan = this.plan(input, remap);
    return { scale: planScale(plan), remapped: plan.remapped, kept: plan.kept };
  }

  /**
   * Replaces the scale in one transaction. Entries at a level that the new scale drops move to the
   * level `remap` names, each with its audit entry, so no entry is lost. A level in use that is
   * neither kept nor remapped rejects the change.
   */
  set(input: ClassificationScaleInput, remap: LevelRemap = {}): ScaleChangeResult {
    try {
      return this.replaceScale(input, remap);
    } catch (error) {
      // A failed commit rolls the tables back, so the cached scale must go too.
      this.cached = null;
      throw error;
    }
  }

  private replaceScale(input: ClassificationScaleInput, remap: LevelRemap): ScaleChangeResult {
    return this.vault.transaction(() => {
      // 1. Validate against the levels in use.
      const before = this.get();
      const plan = this.plan(input, remap);
      const now = new Date().toISOString();

      // 2. Replace the levels and aliases. The foreign keys are checked at commit, after step 3.
      this.db.prepare('DELETE FROM classification_level_aliases').run();
      this.db.prepare('DELETE FROM classification_levels').run();
      const insertLevel = this.db.prepare(
        `INSERT INTO classification_levels (name, rank, label, color, requires_encryption)
         VALUES (?, ?, ?, ?, ?)`,
      );
      for (const level of plan.levels) {
        const encrypted = level.requiresEncryption ? 1 : 0;
        insertLevel.run(level.name, level.rank, level.label, level.color, encrypted);
      }
      const insertAlias = this.db.prepare(
        'INSERT INTO classification_level_aliases (alias, level) VALUES (?, ?)',
      );
      for (const [alias, level] of Object.entries(plan.aliases)) {
        insertAlias.run(alias, level);
      }

      // 3. Move the entries of remapped levels, each with its before and after.
      for (const [from, to] of Object.entries(plan.remap)) {
        this.moveEntries(from, to, now);
      }

      // 4. Record the change of the scale itself.
      this.cached = null;
      const after = this.get();
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.scale.update',
        entityType: 'classification_scale',
        before,
        after: { ...after, remap: plan.remap },
      });
      return { scale: after, remapped: plan.remapped, kept: plan.kept };
    });
  }

  /** Forgets the cached scale, for callers that changed the tables directly. */
  invalidate(): void {
    this.cached = null;
  }

  private plan(input: ClassificationScaleInput, remapInput: LevelRemap): ScalePlan {
    const parsed = parseInput(classificationScaleInputSchema, input, 'classification scale');
    const remap = parseInput(levelRemapSchema, remapInput, 'level remap');
    const levels: ScaleLevel[] = parsed.levels.map((level, rank) => ({
      name: level.name,
      label: level.label === '' ? level.name : level.label,
      color: level.color.toUpperCase(),
      requiresEncryption: level.requiresEncryption,
      rank,
    }));
    const names = new Set(levels.map((level) => level.name));

    // Every remap target must be on the new scale.
    for (const [from, to] of Object.entries(remap)) {
      if (!names.has(to)) {
        throw invalid(`--remap ${from}=${to}: ${to} is not a level of the new scale.`, levels);
      }
    }

    // Every level in use must be kept or remapped.
    const usage = this.db
      .prepare('SELECT level, count(*) AS entries FROM classification_entries GROUP BY level')
      .all() as { level: string; entries: number }[];
    const blocked = usage.filter((row) => !names.has(row.level) && remap[row.level] === undefined);
    if (blocked.length > 0) {
      const list = blocked.map((row) => `${row.level} (${row.entries} entries)`).join(', ');
      throw invalid(
        `Entries use levels the new scale drops: ${list}. Map each one to a new level with ` +
          '--remap OLD=NEW, so no entry is lost.',
        levels,
      );
    }

    const remapped = usage
      .filter((row) => remap[row.level] !== undefined && remap[row.level] !== row.level)
      .map((row) => ({ from: row.level, to: remap[row.level] ?? row.level, entries: row.entries }));
    const kept = usage
      .filter((row) => names.has(row.level) && remap[row.level] === undefined)
      .reduce((sum, row) => sum + row.entries, 0);
    const effectiveRemap = Object.fromEntries(remapped.map((pair) => [pair.from, pair.to]));

    return {
      levels,
      aliases: this.composeAliases(parsed.aliases, remap, names, levels),
      remap: effectiveRemap,
      remapped,
      kept,
    };
  }

  /**
   * Carries the old aliases over to the new scale, adds the remap pairs and the scale's own
   * aliases, and checks that every default level name still resolves, because detectors and
   * imports propose levels by those names.
   */
  private composeAliases(
    declared: Record<string, string>,
    remap: LevelRemap,
    names: ReadonlySet<string>,
    levels: readonly ScaleLevel[],
  ): Record<string, string> {
    const aliases: Record<string, string> = {};
    for (const [alias, level] of Object.entries(this.get().aliases)) {
      const target = names.has(level) ? level : remap[level];
      if (target !== undefined) aliases[alias] = target;
    }
    for (const [from, to] of Object.entries(remap)) aliases[from] = to;
    for (const [alias, level] of Object.entries(declared)) {
      if (!names.has(level)) {
        throw invalid(`Alias ${alias} points to ${level}, which is not on the new scale.`, levels);
      }
      aliases[alias] = level;
    }
    for (const name of names) delete aliases[name];

    const unresolved = CLASSIFICATION_LEVELS.filter(
      (name) => !names.has(name) && aliases[name] === undefined,
    );
    if (unresolved.length > 0) {
      throw invalid(
        `Say which new level each default level maps to, because scans and imports propose ` +
          `levels by those names: add --remap for ${unresolved.join(', ')} (for example ` +
          `--remap ${unresolved[0]}=${levels.at(-1)?.name ?? 'LEVEL'}), or list them under ` +
          '"aliases" in the scale file.',
        levels,
      );
    }
    return aliases;
  }

  private moveEntries(from: string, to: string, now: string): void {
    const rows = this.db
      .prepare(`SELECT ${ENTRY_COLUMNS} ${ENTRY_FROM} WHERE e.level = ? ORDER BY e.id`)
      .all(from) as EntryRow[];
    const update = this.db.prepare(
      'UPDATE classification_entries SET level = ?, updated_at = ? WHERE id = ?',
    );

    for (const row of rows) {
      const before = toEntry(row);
      update.run(to, now, row.id);
      this.vault.audit.append({
        actor: this.actor,
        action: 'classification.update',
        entityType: 'classification_entry',
        entityId: row.id,
        before,
        after: { ...before, level: to, updatedAt: now },
      });
    }
  }
}

function planScale(plan: ScalePlan): ClassificationScale {
  const isDefault =
    Object.keys(plan.aliases).length === 0 &&
    plan.levels.length === CLASSIFICATION_LEVELS.length &&
    plan.levels.every((level, index) => level.name === CLASSIFICATION_LEVELS[index]);
  return { levels: plan.levels, aliases: plan.aliases, isDefault };
}

function invalid(problem: string, levels: readonly ScaleLevel[]): SynapseError {
  const names = levels.map((level) => level.name).join(', ');
  return new SynapseError('INVALID_INPUT', `${problem} New scale: ${names}.`);
}
