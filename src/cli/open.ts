import { loadConfig } from '../config';
import { openPlatform, type Platform } from '../platform';

/** Opens the configured database (migrating it) for one CLI command and always closes it. */
export async function withPlatform<T>(work: (platform: Platform) => Promise<T>): Promise<T> {
  const platform = await openPlatform(loadConfig().database);
  try {
    return await work(platform);
  } finally {
    await platform.database.close();
  }
}
