// Brings a central endpoint to a usable state: provisioned and, for training, seeded.
import { CentralClient, type CentralCredentials } from './central-client';
import { provisionCentral } from './provisioning';
import { generateDirectory } from './seed/directory-generator';
import { generateRegisters } from './seed/register-generator';
import { seedDirectory, type SeedProgress } from './seed/seed-directory';

export interface CentralSetupOptions {
  url: string;
  credentials?: CentralCredentials;
  /** Seed the directory with this many generated authorities (omit to leave it as is). */
  seedAuthorities?: number;
  seed?: number;
  onProgress?: (progress: SeedProgress) => void;
}

export async function setUpCentral(options: CentralSetupOptions): Promise<void> {
  const client = new CentralClient(options.url, options.credentials);
  await provisionCentral(client);
  if (options.seedAuthorities !== undefined) {
    const seed = options.seed ?? 2010;
    const authorities = generateDirectory({ authorities: options.seedAuthorities, seed });
    await seedDirectory(client, authorities, generateRegisters(authorities), `generated:${seed}:${options.seedAuthorities}:registers`, options.onProgress);
  }
}
