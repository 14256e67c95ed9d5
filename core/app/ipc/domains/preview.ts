/** Records an import preview returns; enough to check a file without sending all of it. */
export const PREVIEW_SAMPLE_SIZE = 10;
