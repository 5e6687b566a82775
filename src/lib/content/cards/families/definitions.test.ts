import { describe, expect, it } from 'vitest';
import { DefinedTerms } from './defined-terms';
import {
	definitionFlashcard,
	definitionMcq,
	definitionOf,
	sentenceDefinitionCards,
	termMcq,
	type Definition
} from './definitions';
import { Glossary } from '../glossary';
import { readNote } from '../reading';
import { proposal } from './proposal';

describe('definition notes', () => {
	it('reads the name, the bracketed other name, the lead sentence and the genus', () => {
		const d = definitionOf(
			'Transport Layer Security (TLS): TLS is a protocol designed to secure the traffic between two programs over a network. It is widely used.',
			['security']
		);
		expect(d?.name).toBe('Transport Layer Security');
		expect(d?.names).toEqual(['Transport Layer Security', 'TLS']);
		expect(d?.lead).toBe(
			'TLS is a protocol designed to secure the traffic between two programs over a network.'
		);
		expect(d?.genus).toBe('protocol');
	});

	it.each([
		'Duplicate note: the kubelet serves its API on a port.',
		'Swedish text should survive: åäö in a note.',
		'Note: remember this for later.'
	])('does not read a label as a defined term: %s', (text) => {
		expect(definitionOf(text, [])).toBeUndefined();
	});

	it('reads the genus of a definition that starts with it', () => {
		expect(
			definitionOf(
				'Agile Software Development: A set of practices that emphasize iterative development cycles.',
				[]
			)?.genus
		).toBe('practice');
		expect(
			definitionOf('Cloud Computing: Cloud computing offers CPU power on demand.', [])?.genus
		).toBe(undefined);
	});

	it('reads the genus of a definition that starts with it in lower case', () => {
		expect(definitionOf('Secret: an object for small sensitive values.', [])?.genus).toBe('object');
		expect(definitionOf('Kyverno: a policy engine running as a webhook.', [])?.genus).toBe(
			'engine'
		);
		expect(definitionOf('VAP: an in-process admission policy written in CEL.', [])?.genus).toBe(
			'policy'
		);
		expect(
			definitionOf('IMDS: a link-local HTTP endpoint (169.254.169.254) on cloud nodes.', [])?.genus
		).toBe('endpoint');
	});

	it('goes on into the next sentence of a short definition, not into the author speaking', () => {
		expect(
			definitionOf(
				'Secret: an object for small sensitive values, stored base64-encoded. Base64 is encoding, not encryption, and I keep repeating that in class.',
				[]
			)?.lead
		).toBe('an object for small sensitive values, stored base64-encoded.');
		expect(
			definitionOf('Secret: an object for small sensitive values. Base64 is not encryption.', [])
				?.lead
		).toBe('an object for small sensitive values. Base64 is not encryption.');
		expect(definitionOf('Kaniko: a tool that builds images. We run it in CI.', [])?.lead).toBe(
			'a tool that builds images.'
		);
		expect(definitionOf('Kata: a runtime for VMs. It handles I/O through virtio.', [])?.lead).toBe(
			'a runtime for VMs. It handles I/O through virtio.'
		);
	});

	it('reads a definition that opens with background from the sentence that names its term', () => {
		const d = definitionOf(
			'Service Mesh: In a microservices world, apps are split into services that talk over a network. Service meshes manage the traffic between services.',
			[]
		);
		expect(d?.lead).toBe('Service meshes manage the traffic between services.');
		// an example that names it later is no definition of it: the background stays
		expect(
			definitionOf(
				'Stateful Apps: Apps keep data in many ways. A shop that remembers your cart is a stateful app.',
				[]
			)?.first
		).toBe('Apps keep data in many ways.');
		// a sentence that leans on the background says nothing of its own
		expect(
			definitionOf(
				'Stateful Apps: Apps keep data between requests in many ways. Stateful apps are one of them.',
				[]
			)
		).toBeUndefined();
	});

	it('reads a definition with one colon that explains, not a list of "X: y" pairs', () => {
		const d = definitionOf(
			'Canary Deployment: Canary deployments is a deployment strategy that starts with two environments: one with live traffic and the other without.',
			[]
		);
		expect(d?.name).toBe('Canary Deployment');
		expect(d?.genus).toBe('strategy');
		expect(
			definitionOf(
				'Reviews: subjectAccessReview: any user, LocalSubjectAccessReview: bound to a namespace',
				[]
			)
		).toBeUndefined();
		expect(definitionOf('Roles: admin: full access to the namespace', [])).toBeUndefined();
	});

	const defs = [
		'API Gateway: An API gateway is a tool that routes the requests of clients to the services of an application.',
		'Service Proxy: A service proxy is a tool that intercepts the requests to or from a service.',
		'Load Balancer: A load balancer is a tool that spreads the requests of clients over several servers.',
		'Service Mesh: A service mesh is a tool that manages the requests between the services of an application.',
		'Agile Software Development: A set of practices that emphasize iterative development cycles.'
	].map((t) => definitionOf(t, ['networking'])!);
	const definedTerms = (list: Definition[]) =>
		new DefinedTerms(new Map(list.map((d, i) => [`n${i}`, d])));

	it('asks with the term blanked and three related terms of the same kind', () => {
		const made = definitionMcq(
			defs[0]!,
			definedTerms(defs),
			'API Gateway: An API gateway is a tool that routes the requests of clients to the services of an application.',
			'n0000000001:mcq:x'
		);
		expect(made).toEqual({
			question:
				'Which term is defined as: “A(n) ___ is a tool that routes the requests of clients to the services of an application.”?',
			answer: 'API Gateway',
			distractors: expect.arrayContaining(['Service Proxy', 'Load Balancer', 'Service Mesh'])
		});
	});

	it('does not quote a definition that names its own term after the label', () => {
		const sa = definitionOf(
			'ServiceAccount: a namespaced identity for workloads, authenticated as `system:serviceaccount:<ns>:<name>`.',
			['authn']
		)!;
		expect(definitionMcq(sa, definedTerms([sa, ...defs]), '', 'n0000000006:mcq:sa')).toEqual({
			reason: 'the definition names its term more than once'
		});
	});

	it('refuses when there are not three related terms', () => {
		const lonely = definitionOf('Seccomp: a Linux kernel facility to filter syscalls.', [
			'kernel'
		])!;
		expect(definitionMcq(lonely, definedTerms([lonely, ...defs]), '', 'n0000000002:mcq:y')).toEqual(
			{ reason: 'fewer than three defined terms related to Seccomp' }
		);
	});
});

describe('the flashcard of a definition', () => {
	it('asks an acronym as "What is …?", since its definition describes it', () => {
		const slsa = definitionOf(
			'SLSA: a framework of build-integrity levels centred on provenance.',
			[]
		)!;
		expect(definitionFlashcard(slsa)).toEqual({
			front: 'What is SLSA?',
			back: 'a framework of build-integrity levels centred on provenance.'
		});
		const secret = definitionOf('Secret: an object for small sensitive values.', [])!;
		expect(definitionFlashcard(secret).front).toBe('What does “Secret” mean?');
	});
});

describe('what is not a definition', () => {
	it.each([
		["`runAsNonRoot: true` is checked by the kubelet against the image's USER.", 'a colon in code'],
		['Incident response trick: run kubectl get events before anything else.', 'a label'],
		['Kubelet settings that matter: --anonymous-auth=false and --read-only-port=0.', 'a label'],
		['EKS: the IAM principal that created the cluster used to get admin rights.', 'a statement'],
		['etcd ports: 2379 for clients, 2380 for peer traffic.', 'a statement'],
		['Controller manager: set --use-service-account-credentials=true always.', 'an instruction'],
		['Audit levels: None, Metadata, Request and RequestResponse, in growing detail.', 'a label'],
		['Worth alerting on: exec into pods, reads of secrets, new cluster-admin bindings.', 'a list'],
		['Good change: anonymous auth can now be limited to the health endpoints.', 'a label'],
		['Sigstore: cosign signs images and attestations.', 'a statement with its own subject'],
		['CVE-2020-8558: kube-proxy set route_localnet=1 on every node.', 'a statement'],
		[
			'High-value detections: create on pods/exec in production, new bindings to cluster-admin, reads of secrets.',
			'a plural name and a list of its members'
		]
	])('"%s" (%s)', (text) => {
		expect(definitionOf(text, [])).toBeUndefined();
	});

	it.each([
		'RuntimeClass: a cluster-scoped object that maps a name to a CRI handler, so pods can choose a runtime.',
		'Pod Security Admission: enforces the Pod Security Standards per namespace.',
		'Static pods: pods the kubelet runs straight from manifests on the node.',
		'Debugging: Debugging is the process of finding and resolving defects.',
		'Ephemeral containers: temporary containers added to a running pod for debugging.',
		"Linux capabilities: root's powers split into separate units (CAP_NET_ADMIN, CAP_SYS_ADMIN, ...).",
		'Bound tokens: JWTs that are audience-scoped, time-limited and tied to a pod.',
		'Sidecars: helper containers alongside the main app container.',
		'Resource quotas: namespace limits per resource type.',
		'Init containers: special containers run before the app starts.',
		'Cloud Computing: Renting computers offers CPU power on demand.',
		'Agile Software Development: A set of practices that emphasize iterative development cycles.'
	])('is still one: "%s"', (text) => {
		expect(definitionOf(text, [])).toBeDefined();
	});
});

describe('the sentences a definition note is asked by', () => {
	const sentences = (text: string) =>
		readNote(
			{ id: 'n0000000009', text, tags: ['ctrlplane'], source: { file: 't.txt', line: 1 } },
			[],
			definitionOf(text, []),
			Glossary.empty()
		).sentences;

	it.each([
		[
			'kube-apiserver: the front door of the control plane. Every kubelet goes through it.',
			'kube-apiserver is the front door of the control plane.'
		],
		[
			'Static pods: pods the kubelet runs straight from manifests on the node.',
			'Static pods are pods the kubelet runs straight from manifests on the node.'
		],
		[
			'Pod Security Admission: enforces the Pod Security Standards per namespace.',
			'Pod Security Admission enforces the Pod Security Standards per namespace.'
		],
		[
			'Debugging: Debugging is the process of finding and resolving defects.',
			'Debugging is the process of finding and resolving defects.'
		],
		[
			'Sigstore: cosign signs images and attestations for the registry.',
			'Sigstore: cosign signs images and attestations for the registry.'
		]
	])('keep the term as the subject: "%s"', (text, first) => {
		expect(sentences(text)[0]).toBe(first);
	});
});

describe('wrong options of a defined term', () => {
	const make = (texts: string[]) => texts.map((t) => definitionOf(t, ['delivery'])!);
	const definedTerms = (list: Definition[]) =>
		new DefinedTerms(new Map(list.map((d, i) => [`n${i}`, d])));
	const deployments = make([
		'Canary Deployment: A canary deployment is a release strategy that moves users to a new version step by step.',
		'Blue Green Deployment: A blue green deployment is a release strategy that keeps two versions live and switches users at once.',
		'Rolling Deployment: A rolling deployment is a release strategy that replaces old instances of a version one at a time.',
		'Recreate Deployment: A recreate deployment is a release strategy that shuts the old version down before the new one starts.'
	]);
	const practices = make([
		'Continuous Delivery: Continuous delivery is a release practice that moves every tested change to users as a new version.',
		'GitOps: GitOps is a set of release practices in which a new version reaches users when its change is merged.',
		'Feature Flags: A feature flag is a release technique that turns a new version on for some users step by step.'
	]);
	const options = (made: ReturnType<typeof definitionMcq>) =>
		'distractors' in made ? [...made.distractors].sort() : made.reason;

	it('come from the family its name puts it in, not from other release terms', () => {
		const made = definitionMcq(
			deployments[0]!,
			definedTerms([...deployments, ...practices]),
			'',
			'n0000000003:mcq:canary'
		);
		expect(options(made)).toEqual([
			'Blue Green Deployment',
			'Recreate Deployment',
			'Rolling Deployment'
		]);
	});

	it('are not filled up with terms of another kind when the family is too small', () => {
		// Feature Flags is a release technique, as related as can be, but not a deployment
		const made = definitionMcq(
			deployments[0]!,
			definedTerms([deployments[0]!, deployments[1]!, ...practices]),
			'',
			'n0000000003:mcq:canary'
		);
		expect(options(made)).toBe('fewer than three defined terms related to Canary Deployment');
	});

	it('are none for a term of a kind too wide to tell them apart ("a process")', () => {
		const processes = make([
			'Debugging: Debugging is the process of finding and resolving the defects of programs.',
			'Service Discovery: Service discovery is the process of locating the services of programs.',
			'Profiling: Profiling is the process of measuring where programs spend their time.',
			'Tracing: Tracing is the process of following a request through programs.'
		]);
		const made = definitionMcq(processes[0]!, definedTerms(processes), '', 'n0000000004:mcq:d');
		expect(options(made)).toBe('fewer than three defined terms related to Debugging');
	});

	it('are not asked for at all when the stem names a sibling of the answer', () => {
		const made = termMcq(
			practices[0]!,
			'By releasing to production often, ___ does for operations what CI did for development.',
			'By releasing to production often, ___ does for operations what CI did for development.',
			definedTerms([
				...practices,
				definitionOf(
					'Continuous Integration (CI): Continuous integration is a practice of merging every change at once.',
					['delivery']
				)!
			]),
			'',
			'n0000000005:mcq:cd'
		);
		expect(made).toEqual({
			reason: 'the stem names Continuous Integration, a sibling of the answer'
		});
	});

	describe('of a kind the notes hardly relate', () => {
		const properties = make([
			'Scalability: Scalability refers to how well a platform can grow with its load.',
			'Reliability: Reliability refers to how well a system responds to failures.',
			'Portability: Portability is a property that avoids lock-in to vendors.',
			'Observability: Observability is a property that yields actionable insights from outputs.'
		]);

		it('are drawn for its definition, which tells it from any of its kind', () => {
			const made = definitionMcq(properties[1]!, definedTerms(properties), '', 'n0000000007:mcq:r');
			expect(options(made)).toEqual(['Observability', 'Portability', 'Scalability']);
		});

		it('are not drawn for a general sentence, which may fit them as well', () => {
			const stem = '___ contributes to competitiveness, efficiency, reputation and quality.';
			const made = termMcq(properties[0]!, stem, stem, definedTerms(properties), '', 'n8:mcq:s');
			expect(made).toEqual({ reason: 'fewer than three defined terms related to Scalability' });
		});
	});

	it('do not make a family of two names that end alike but are different kinds of thing', () => {
		const controls = make([
			'Version Control: Version control is the practice of keeping every change of the code.',
			'Role-Based Access Control: A method of granting access by the roles of users.'
		]);
		const terms = definedTerms([...controls, ...deployments]);
		expect(terms.family(controls[0]!)).toBeUndefined();
		expect(terms.family(deployments[0]!)).toBe('deployment');
	});
});

describe('a term defined inside a note', () => {
	const cardsOf = (text: string) => {
		const note = {
			id: 'n0000000001',
			text,
			tags: ['containersec'],
			source: { file: 't.txt', line: 1 }
		};
		const glossary = Glossary.empty();
		return sentenceDefinitionCards(
			proposal(note, readNote(note, [], undefined, glossary), glossary, new DefinedTerms(new Map()))
		);
	};

	it('asks "What is X?" with the rest of the sentence as the answer', () => {
		expect(
			cardsOf('bane is a tool for creating apparmor profiles for container workloads.')
		).toMatchObject([
			{
				kind: 'recall',
				front: 'What is bane?',
				back: 'A tool for creating apparmor profiles for container workloads.'
			}
		]);
	});

	it.each([
		'It is a tool for creating profiles for workloads.',
		'CVE-2018-16886 and this is a very confusing bug in the proxy.'
	])('asks nothing of a sentence whose subject is not a name: %s', (text) => {
		expect(cardsOf(text)).toEqual([]);
	});

	it.each([
		'The Kubernetes Operator is basically a model that helps us with the above mentioned problems.',
		'HNC is a (somewhat abandoned) project run by sig-auth, operator/addon.'
	])('asks nothing whose answer cannot be read on its own: %s', (text) => {
		expect(cardsOf(text)).toEqual([]);
	});
});
