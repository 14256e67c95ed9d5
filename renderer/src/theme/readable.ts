import { darken, getContrastRatio, lighten } from '@mui/material/styles';

/** WCAG AA contrast for normal text. */
export const MIN_TEXT_CONTRAST = 4.5;

/**
 * Contrast asked of coloured text on a surface that changes shade on hover or selection, such
 * as a grid row: 4.5:1 on the plain surface left hovered rows at about 4.1:1 in the dark scheme.
 */
export const SHADED_SURFACE_CONTRAST = 5.5;

/**
 * Returns a colour of the same hue that is readable as text on the background: lightened on a
 * dark background, darkened on a light one, until it reaches WCAG AA contrast. Level colours come
 * from the vault's scale, chosen for light backgrounds, so the dark scheme needs this.
 */
export function readableOn(
  color: string,
  background: string,
  minContrast: number = MIN_TEXT_CONTRAST,
): string {
  const backgroundIsDark =
    getContrastRatio('#ffffff', background) > getContrastRatio('#000000', background);
  const shift = backgroundIsDark ? lighten : darken;
  for (let step = 0; step <= 10; step++) {
    // Step 0 shifts by nothing, so the scale's own colour is tried first.
    const candidate = shift(color, step / 10);
    if (getContrastRatio(candidate, background) >= minContrast) return candidate;
  }
  return backgroundIsDark ? '#ffffff' : '#000000';
}
