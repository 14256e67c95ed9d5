import MenuItem from '@mui/material/MenuItem';
import Stack from '@mui/material/Stack';
import TextField from '@mui/material/TextField';
import { useEffect, useState } from 'react';

import {
  POLICY_RULES,
  POLICY_RULE_TITLES,
  type PolicyRule,
} from '../../../../shared/domain/classification-policy.js';
import type { ClassificationQuery } from '../../../../shared/domain/classification-query.js';
import {
  PERSONAL_DATA_CATEGORIES,
  type PersonalDataCategory,
} from '../../../../shared/domain/classification.js';
import { categoryLabel } from '../../labels';
import { useClassificationList } from '../../state/lists';
import { useLevels } from '../../state/scale';
import { useSystems } from '../../state/systems';

/** Value of a filter select that sets no filter. */
const ANY = '';

/**
 * Filters of the data map that the grid's one-column filter cannot combine: level, category,
 * owner, system and policy rule, all applied together in the vault.
 */
export function DataMapFilters() {
  const query = useClassificationList((state) => state.query);
  const levels = useLevels();
  const systems = useSystems((state) => state.systems);
  const [owner, setOwner] = useState(query.owner ?? '');

  useEffect(() => setOwner(query.owner ?? ''), [query.owner]);

  const setFilter = (patch: Partial<ClassificationQuery>) =>
    void useClassificationList.getState().setQuery(patch);
  const applyOwner = () => {
    const trimmed = owner.trim();
    if (trimmed === (query.owner ?? '')) return;
    setFilter({ owner: trimmed === '' ? undefined : trimmed });
  };

  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <TextField
        fullWidth={false}
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        size="small"
        label="Level"
        value={query.level ?? ANY}
        onChange={(event) => setFilter({ level: event.target.value || undefined })}
        sx={{ minWidth: 140 }}
      >
        <MenuItem value={ANY}>Any level</MenuItem>
        {levels.map((level) => (
          <MenuItem key={level.name} value={level.name}>
            {level.label || level.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth={false}
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        size="small"
        label="Category"
        value={query.category ?? ANY}
        onChange={(event) =>
          setFilter({ category: (event.target.value || undefined) as PersonalDataCategory })
        }
        sx={{ minWidth: 160 }}
      >
        <MenuItem value={ANY}>Any category</MenuItem>
        {PERSONAL_DATA_CATEGORIES.map((category) => (
          <MenuItem key={category} value={category}>
            {categoryLabel(category)}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth={false}
        size="small"
        label="Owner"
        value={owner}
        onChange={(event) => setOwner(event.target.value)}
        onBlur={applyOwner}
        onKeyDown={(event) => {
          if (event.key === 'Enter') applyOwner();
        }}
        helperText="Exact owner; Enter applies"
        sx={{ minWidth: 160 }}
      />
      <TextField
        fullWidth={false}
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        size="small"
        label="System"
        value={query.systemId === undefined ? ANY : String(query.systemId)}
        onChange={(event) =>
          setFilter({
            systemId: event.target.value === ANY ? undefined : Number(event.target.value),
            datasetId: undefined,
          })
        }
        sx={{ minWidth: 160 }}
      >
        <MenuItem value={ANY}>Any system</MenuItem>
        {systems.map((system) => (
          <MenuItem key={system.id} value={String(system.id)}>
            {system.name}
          </MenuItem>
        ))}
      </TextField>
      <TextField
        fullWidth={false}
        select
        slotProps={{ select: { displayEmpty: true }, inputLabel: { shrink: true } }}
        size="small"
        label="Policy finding"
        value={query.finding ?? ANY}
        onChange={(event) =>
          setFilter({ finding: (event.target.value || undefined) as PolicyRule })
        }
        sx={{ minWidth: 200, maxWidth: 320 }}
      >
        <MenuItem value={ANY}>Any or none</MenuItem>
        {POLICY_RULES.map((rule) => (
          <MenuItem key={rule} value={rule}>
            {POLICY_RULE_TITLES[rule]}
          </MenuItem>
        ))}
      </TextField>
    </Stack>
  );
}
