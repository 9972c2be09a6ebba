import type { TestProject } from 'vitest/node';
import { prepareTemplate, startPostgresCluster } from './support/postgres.js';

// The PostgreSQL project: one throwaway cluster for the whole run, a migrated template database,
// and its address handed to the test files. Without PostgreSQL installed this fails the run,
// saying what to install: the suite is meant to pass on both stores.
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPostgresCluster((line) => process.stdout.write(`${line}\n`));
  try {
    project.provide('postgres', await prepareTemplate(cluster));
  } catch (err) {
    await cluster.stop();
    throw err;
  }
  return () => cluster.stop();
}
