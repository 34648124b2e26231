// Every kind of job Stockroom runs, by name. One line per kind: add yours here.
import type { JobHandlers } from './job.ts';
import { IMPORT_JOB_KIND, runImportJob } from '../sync/import/import-job.ts';
import { PUBLISH_JOB_KIND, runPublishJob } from '../sync/publish/publish-job.ts';

export const jobHandlers: JobHandlers = {
  [IMPORT_JOB_KIND]: runImportJob,
  [PUBLISH_JOB_KIND]: runPublishJob,
};
