import { TagVocabulary } from './tag-vocabulary';

/** A small vocabulary for unit tests, with the course's alias cases. */
export const testVocabulary = new TagVocabulary([
	{ name: 'authn', description: 'Authentication', aliases: [] },
	{ name: 'authz', description: 'Authorization', aliases: [] },
	{ name: 'breakout', description: 'Breakout', aliases: [] },
	{ name: 'containersec', description: 'Container security', aliases: [] },
	{ name: 'etcd', description: 'etcd', aliases: [] },
	{ name: 'tenancy', description: 'Multi-tenancy', aliases: ['tenacy'] },
	{ name: 'trivia', description: 'Trivia', aliases: ['triva'] },
	{ name: 'runtime', description: 'Runtimes', aliases: ['runtimes'] },
	{ name: 'demo', description: 'Demos', aliases: ['demos'] },
	{ name: 'volume', description: 'Volumes', aliases: [] },
	{ name: 'todo', description: 'To do', aliases: [] }
]);
