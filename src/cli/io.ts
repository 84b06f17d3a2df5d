/** What a command needs from its surroundings: output streams and global flags. */
import pc from 'picocolors';

export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** Whether colored output is wanted (TTY and no `NO_COLOR`). */
  readonly color: boolean;
  /** Whether stderr is an interactive terminal (progress bars). */
  readonly interactive: boolean;
}

/** The real process streams. */
export function processIO(): CliIO {
  const noColor = 'NO_COLOR' in process.env && process.env.NO_COLOR !== '';
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    color: !noColor && Boolean(process.stdout.isTTY) && pc.isColorSupported,
    interactive: Boolean(process.stderr.isTTY),
  };
}

/** Global flags shared by every command. */
export interface GlobalOptions {
  debug?: boolean;
  quiet?: boolean;
}
