import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { terminalProgress } from './progress';

describe('terminalProgress without a TTY', () => {
  it('prints plain lines every 10 % and a final line with the total', () => {
    const stream = new PassThrough() as unknown as NodeJS.WriteStream;
    let out = '';
    (stream as unknown as PassThrough).on('data', (chunk) => {
      out += chunk;
    });
    const progress = terminalProgress(stream);
    progress.start('residents', 100);
    for (let i = 0; i < 100; i++) progress.increment();
    progress.stop();
    const lines = out.trim().split('\n');
    expect(lines).toHaveLength(10);
    expect(lines[0]).toMatch(/^residents: 10\/100 \(10%, \d+\/s\)$/);
    expect(lines.at(-1)).toMatch(/^residents: 100\/100 \(100%/);
    expect(out).not.toContain('\u001b[');
  });
});
