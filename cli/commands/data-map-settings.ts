import { InvalidArgumentError, Option, type Command } from 'commander';

import { exportRecordOfProcessingFile } from '../../core/app/classification-map.js';
import { readInputFile } from '../../core/app/imports.js';
import { readJsonInput } from '../../core/importers/json-input.js';
import { parseMappingFile } from '../../core/importers/classification-mapping.js';
import type {
  ClassificationScale,
  ClassificationScaleInput,
} from '../../shared/domain/classification-scale.js';
import { ROPA_GROUPINGS, type RopaGrouping } from '../../shared/domain/ropa.js';
import { InvalidInputError } from '../../shared/errors.js';
import { checkOutputPath } from '../output-path.js';
import { withVault, type CommandContext } from '../context.js';
import { table } from '../output.js';
import type { Run } from '../runner.js';

export function registerDataMapSettingsCommands(program: Command, run: Run): void {
  const scale = program.command('scale').description('The classification scale of the vault');
  scale
    .command('show')
    .description('Show the levels and aliases of the scale')
    .action(run(showScale));
  scale
    .command('set')
    .description(
      'Replace the scale with the one in a JSON file; entries at dropped levels move as --remap says',
    )
    .argument(
      '<file>',
      'JSON: {"levels": [{"name", "label", "color", "requiresEncryption"}], "aliases": {}}',
    )
    .option(
      '--remap <OLD=NEW...>',
      'move entries (and scans and imports that name OLD) to level NEW of the new scale',
      collectRemap,
      {},
    )
    .option('--dry-run', 'show what would change and store nothing')
    .action(run(setScale));

  const ropa = program
    .command('ropa')
    .description('The Art. 30 record of processing activities, derived from the map');
  ropa
    .command('export')
    .description('Write the record to an XLSX workbook')
    .requiredOption('--out <file>', 'path of the .xlsx file to write')
    .option('--force', 'replace the --out file if it exists')
    .addOption(
      new Option('--by <grouping>', 'one activity per system or per purpose')
        .choices(ROPA_GROUPINGS)
        .default('system'),
    )
    .option('--unmasked', 'write personal data unmasked (recorded in the audit trail)')
    .action(run(exportRopa));
  ropa
    .command('controller')
    .description('Show the controller details, or set those given (Art. 30(1)(a))')
    .option('--name <text>', 'name of the controller')
    .option('--contact <text>', 'contact details of the controller')
    .option('--dpo <text>', 'name and contact of the data protection officer')
    .option('--representative <text>', 'representative in the Union (Art. 27)')
    .action(run(controller));

  const mapping = program
    .command('mapping')
    .description('Column mappings for classification imports, saved in the vault by name');
  mapping.command('list').description('List the saved mappings').action(run(listMappings));
  mapping
    .command('save')
    .description('Save a JSON mapping file under a name, replacing one of the same name')
    .argument('<name>', 'name to use with "import classification --mapping NAME"')
    .argument('<file>', 'JSON mapping file')
    .action(run(saveMapping));
  mapping
    .command('delete')
    .description('Delete a saved mapping')
    .argument('<name>', 'mapping name')
    .action(run(deleteMapping));
}

/** Collects repeated --remap OLD=NEW pairs into one object. */
export const SCALE_EXAMPLE =
  '{"levels": [{"name": "PUBLIC", "label": "Public", "color": "#2E7D32"}, ' +
  '{"name": "SECRET", "label": "Secret", "color": "#C62828", "requiresEncryption": true}], ' +
  '"aliases": {"RESTRICTED": "SECRET"}}';

/**
 * Rejects a scale file that is not an object with a "levels" array, with an example of one. The
 * schema's own message ("expected array, received undefined") does not say what the file needs.
 */
function assertScaleShape(file: string, input: unknown): void {
  const levels =
    typeof input === 'object' && input !== null && !Array.isArray(input)
      ? (input as Record<string, unknown>).levels
      : undefined;
  if (!Array.isArray(levels)) {
    throw new InvalidInputError(
      { file },
      'a classification scale file must contain a "levels" array with 2 to 12 levels, from ' +
        'least to most restricted, and may map other names onto them under "aliases"; for ' +
        `example ${SCALE_EXAMPLE}`,
    );
  }
}

function collectRemap(value: string, previous: Record<string, string>): Record<string, string> {
  const pairs = value.split(/\s+/).filter((pair) => pair !== '');
  const remap = { ...previous };
  for (const pair of pairs) {
    const match = /^([^=]+)=([^=]+)$/.exec(pair);
    if (match === null) {
      throw new InvalidArgumentError(`"${pair}" is not OLD=NEW, such as TOP_SECRET=RESTRICTED.`);
    }
    remap[match[1]!.trim()] = match[2]!.trim();
  }
  return remap;
}

function scaleLines(scale: ClassificationScale): string[] {
  const aliases = Object.entries(scale.aliases);
  return [
    ...table(
      ['Rank', 'Level', 'Label', 'Colour', 'Requires encryption'],
      scale.levels.map((level) => [
        level.rank,
        level.name,
        level.label,
        level.color,
        level.requiresEncryption ? 'yes' : 'no',
      ]),
    ),
    aliases.length === 0
      ? 'No aliases.'
      : `Aliases: ${aliases.map(([alias, level]) => `${alias} -> ${level}`).join(', ')}`,
  ];
}

async function showScale(context: CommandContext): Promise<void> {
  const scale = await withVault(context, () => context.session.services.classificationScale.get());
  context.output.result(scale, () => scaleLines(scale));
}

async function setScale(
  context: CommandContext,
  file: string,
  options: { remap: Record<string, string>; dryRun?: boolean },
): Promise<void> {
  const input = readJsonInput(file, readInputFile(file), {
    formatName: 'classification scale JSON',
  });
  assertScaleShape(file, input);
  const result = await withVault(context, () => {
    const service = context.session.services.classificationScale;
    return options.dryRun === true
      ? service.preview(input as ClassificationScaleInput, options.remap)
      : service.set(input as ClassificationScaleInput, options.remap);
  });

  context.output.result({ ...result, dryRun: options.dryRun === true }, () => [
    ...scaleLines(result.scale),
    ...result.remapped.map((pair) => `${pair.from} -> ${pair.to}: ${pair.entries} entries`),
    `${result.kept} entries keep their level.`,
    options.dryRun === true ? 'Dry run: nothing was stored.' : 'The new scale is stored.',
  ]);
}

async function exportRopa(
  context: CommandContext,
  options: { out: string; force?: boolean; by: RopaGrouping; unmasked?: boolean },
): Promise<void> {
  const out = checkOutputPath(options.out, { force: options.force === true, extension: '.xlsx' });
  const result = await withVault(context, () =>
    exportRecordOfProcessingFile(context.session.services, out, {
      groupBy: options.by,
      unmasked: options.unmasked === true,
    }),
  );
  context.output.result(result, () => [
    `${result.file}: ${result.rows} processing activities`,
    result.masked ? 'Personal data is masked.' : 'Personal data is NOT masked.',
  ]);
}

async function controller(
  context: CommandContext,
  options: { name?: string; contact?: string; dpo?: string; representative?: string },
): Promise<void> {
  const changes = Object.fromEntries(
    Object.entries(options).filter(([, value]) => value !== undefined),
  );
  const details = await withVault(context, () => {
    const service = context.session.services.recordOfProcessing;
    return Object.keys(changes).length === 0
      ? service.getController()
      : service.setController({ ...service.getController(), ...changes });
  });

  context.output.result(details, () =>
    table(
      ['Detail', 'Value'],
      Object.entries(details).map(([detail, value]) => [detail, value === '' ? '-' : value]),
    ),
  );
}

async function listMappings(context: CommandContext): Promise<void> {
  const mappings = await withVault(context, () =>
    context.session.services.classificationImports.listMappings(),
  );
  context.output.result(mappings, () => [
    ...table(
      ['Name', 'Columns', 'Updated'],
      mappings.map((mapping) => [
        mapping.name,
        Object.keys(mapping.mapping.columns).length,
        mapping.updatedAt,
      ]),
    ),
    `${mappings.length} saved mappings`,
  ]);
}

async function saveMapping(context: CommandContext, name: string, file: string): Promise<void> {
  const mapping = parseMappingFile(file, readInputFile(file));
  const saved = await withVault(context, () =>
    context.session.services.classificationImports.saveMapping(name, mapping),
  );
  context.output.result(saved, () => `Saved mapping "${saved.name}".`);
}

async function deleteMapping(context: CommandContext, name: string): Promise<void> {
  await withVault(context, () =>
    context.session.services.classificationImports.deleteMapping(name),
  );
  context.output.result({ name }, () => `Deleted mapping "${name}".`);
}
