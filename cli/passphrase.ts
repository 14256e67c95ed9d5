import { createInterface } from 'node:readline';

import { SynapseError } from '../shared/errors.js';

/**
 * Reads the passphrase from SYNAPSE_PASSPHRASE, from the first line of standard input with
 * --passphrase-stdin, or from a prompt that does not echo when standard input is a terminal.
 */
export async function readPassphrase(options: {
  fromStdin: boolean;
  prompt: string;
  confirm?: boolean;
}): Promise<string> {
  const fromEnv = process.env.SYNAPSE_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;

  if (options.fromStdin) return readFirstLine();

  if (!process.stdin.isTTY) {
    throw new SynapseError(
      'USAGE',
      'A passphrase is needed. Pass it on standard input with --passphrase-stdin, or set ' +
        'SYNAPSE_PASSPHRASE.',
    );
  }

  const passphrase = await promptHidden(options.prompt);
  if (options.confirm === true && (await promptHidden('Repeat the passphrase: ')) !== passphrase) {
    throw new SynapseError('INVALID_INPUT', 'The two passphrases differ. Run the command again.');
  }
  return passphrase;
}

/** Reads one line (a recovery key or passphrase) from standard input. */
export async function readFirstLine(): Promise<string> {
  const reader = createInterface({ input: process.stdin, terminal: false });
  for await (const line of reader) {
    reader.close();
    return line.replace(/\r$/, '');
  }
  throw new SynapseError('USAGE', 'Standard input was empty; expected one line.');
}

function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolve) => {
    const reader = createInterface({
      input: process.stdin,
      output: process.stderr,
      terminal: true,
    });
    const output = reader as unknown as { _writeToOutput: (text: string) => void };
    let prompted = false;
    // Echo the prompt once, then nothing, so the passphrase never appears on screen.
    output._writeToOutput = (text: string) => {
      if (!prompted) {
        process.stderr.write(text);
        prompted = true;
      }
    };
    reader.question(prompt, (answer) => {
      reader.close();
      process.stderr.write('\n');
      resolve(answer);
    });
  });
}
