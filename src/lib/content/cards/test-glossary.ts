import { Glossary } from './glossary';

/** A small glossary for unit tests: the course's sibling and open-list cases. */
export const testGlossary = Glossary.parse({
	generic: ['latest', 'pods'],
	classes: {
		'authorization-mode': { label: 'authorization mode', weight: 4 },
		'api-server-flag': { label: 'API server flag', weight: 5 },
		'admission-plugin': { label: 'admission plugin', weight: 4 },
		'policy-engine': { label: 'policy engine', ask: false },
		cve: { label: 'CVE', weight: 5 },
		'high-level-runtime': { label: 'high-level runtime', distractorsFrom: ['low-level-runtime'] },
		'low-level-runtime': { label: 'low-level runtime' },
		// named, so that a figure said of it is a fact, but never asked in these tests
		component: { label: 'Kubernetes component', ask: false }
	},
	terms: [
		{
			term: 'RBAC',
			class: 'authorization-mode',
			notWith: [{ terms: ['ABAC', 'Node', 'AlwaysDeny'], when: 'deny by default' }]
		},
		{ term: 'ABAC', class: 'authorization-mode' },
		{ term: 'Node', class: 'authorization-mode', distractorOnly: true },
		{ term: 'Webhook', class: 'authorization-mode', distractorOnly: true },
		{ term: 'AlwaysAllow', class: 'authorization-mode', distractorOnly: true },
		{ term: 'AlwaysDeny', class: 'authorization-mode', distractorOnly: true },
		{ term: '--anonymous-auth', class: 'api-server-flag' },
		{ term: '--token-auth-file', class: 'api-server-flag' },
		{ term: '--authorization-mode', class: 'api-server-flag', distractorOnly: true },
		{ term: '--client-ca-file', class: 'api-server-flag', distractorOnly: true },
		{ term: '--profiling', class: 'api-server-flag', distractorOnly: true },
		{ term: 'NodeRestriction', class: 'admission-plugin' },
		{ term: 'AlwaysPullImages', class: 'admission-plugin' },
		{ term: 'PodSecurity', class: 'admission-plugin' },
		{ term: 'LimitRanger', class: 'admission-plugin', distractorOnly: true },
		{ term: 'Kyverno', class: 'policy-engine' },
		{ term: 'Kubewarden', class: 'policy-engine' },
		{ term: 'OPA Gatekeeper', class: 'policy-engine' },
		{ term: 'jsPolicy', class: 'policy-engine', distractorOnly: true },
		{ term: 'CVE-2023-32082', class: 'cve' },
		{ term: 'CVE-2021-28235', class: 'cve' },
		{ term: 'CVE-2020-15106', class: 'cve', distractorOnly: true },
		{ term: 'CVE-2020-15115', class: 'cve', distractorOnly: true },
		{ term: 'CVE-2019-5736', class: 'cve', distractorOnly: true },
		{ term: 'containerd', class: 'high-level-runtime' },
		{ term: 'CRI-O', class: 'high-level-runtime', aliases: ['cri-o'] },
		{ term: 'runc', class: 'low-level-runtime' },
		{ term: 'crun', class: 'low-level-runtime' },
		{ term: 'youki', class: 'low-level-runtime', distractorOnly: true },
		{ term: 'runsc', class: 'low-level-runtime', distractorOnly: true },
		{ term: 'kubelet', class: 'component' }
	]
});
