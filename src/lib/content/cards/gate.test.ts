import { describe, expect, it } from 'vitest';
import { answerForms } from './forms';
import { blankedStem, clozeProblem, mcqProblem, stemProblem } from './gate';

describe('stems a student can answer', () => {
	it('accepts a full clause with one blank', () => {
		expect(stemProblem('The API server listens on port ___ by default.')).toBeUndefined();
		expect(
			stemProblem('If we may create PVs we could do it that way with a PVC for a(n) ___ volume.')
		).toBeUndefined();
		expect(
			stemProblem(
				'Protocol version 2 can still be enabled. The docs say this will be removed in ___.'
			)
		).toBeUndefined();
		expect(
			stemProblem(
				'___ restricts which labels a node can modify on itself; allowing this tricks schedulers.'
			)
		).toBeUndefined();
	});

	it.each([
		['It restricts what ___ can modify in the cluster.', /pronoun/],
		['We had ___ and this was bad for everyone.', /spoken or to-do/],
		['Yes, still: ___ is the default in most clusters.', /spoken or to-do/],
		['Add link to presentation, relies a lot on ___ today.', /spoken or to-do/],
		["Let's say we have a system of ___ RAM in total.", /spoken or to-do/],
		['Ensure that ___ is set on the API server.', /checklist/],
		['Make sure ___ set to true.', /checklist/],
		['Relies on ___.', /full clause/],
		['Pages are written by Site ___ Engineers every day.', /longer name/],
		['Another endpoint, ___, is enabled by setting the log level.', /refers to something/],
		[
			'CaaS lowers engineering costs by reducing the need for this functionality in ___ teams.',
			/refers to something/
		],
		['___ also allows more in-depth testing in production.', /refers to something/],
		['The distinction matters because most servers are ___.', /refers to something/],
		['Good examples are ___ and other managed services.', /refers to something/],
		['Organizations use automated ___/CD workflows.', /pair written with a slash/],
		['We can create like policy bindings for ___ in the cluster.', /spoken filler/],
		['The ___ flag is the one worth naming in class to every group of students.', /spoken filler/],
		[
			'___: any user, LocalSubjectAccessReview: the same but bound to a namespace.',
			/label: text pairs/
		],
		[
			'Four runtime approaches exist: ___, gVisor, WASM and confidential containers.',
			/one member of a list/
		],
		[
			'___ and its siblings can validate the authorization configuration, provide.',
			/ends in a fragment/
		],
		[
			'You can create it without a password (___") in the etcd cluster.',
			/unbalanced quote or bracket/
		],
		['In etcd, ___ and this is a very confusing bug in the proxy service.', /refers to something/],
		['In this way ___ tells the kubelet which pods to run on every node.', /refers to something/],
		[
			'Using ___ API could be a bit more sneaky that way compared to old-school tokens.',
			/refers to something/
		],
		[
			'Protocol version 2 has been disabled since version ___ of etcd (etcd ___.0, in 2019).',
			/part of a longer number/
		],
		[
			'Desired states are defined in a(n) ___ system such as Git and compared with the actual state.',
			/example of the answer follows/
		],
		[
			'___ settings that matter: --anonymous-auth=false and --read-only-port=0 on every node.',
			/in the note's label/
		],
		['___ ports: 2379 for clients, 2380 for peer traffic.', /in the note's label/],
		[
			'The kubelet ___ settings that matter: --anonymous-auth=false on every node.',
			/in the note's label/
		],
		[
			'Most CNIs support ___, but this port is open on every node of the cluster.',
			/refers to something/
		],
		['A kernel bug is a container-___ waiting to happen on every node.', /hyphenated word/],
		[
			"In Kubernetes it's set with ___.seccompProfile.type on the pod or the container.",
			/part of a dotted path/
		],
		[
			'Each component is built to perform one specific function for any number of services. This pattern is slower to build than ___.',
			/refers to something/
		]
	])('refuses "%s"', (stem, reason) => {
		expect(stemProblem(stem)).toMatch(reason);
	});

	it.each([
		'DenyServiceExternalIPs exists because anyone could set ___ and intercept traffic meant for those IPs.',
		'Every node runs a ___, and this node agent then reports its pods to the API server.',
		'API objects let a component ask the ___ "who is this token?" before it answers.',
		'___: false sets the no_new_privs flag, so setuid binaries cannot raise privileges.',
		"Pods with ___: true share the node's network namespace, so policies miss them.",
		'___ exists because of CVE-2020-8554: anyone able to create Services could intercept traffic.'
	])('asks a stem whose "this" or "those" points inside it: "%s"', (stem) => {
		expect(stemProblem(stem)).toBeUndefined();
	});

	it('still refuses "those" for something the stem never named', () => {
		expect(
			stemProblem('Anyone able to create Services could set ___ and intercept those packets.')
		).toMatch(/refers to something/);
	});
});

describe('clozes that give themselves away', () => {
	it('refuses a pair whose other half spells the answer out', () => {
		expect(
			clozeProblem('Except KMS version 1 and ___, providers use a local key.', 'KMS version 2')
		).toMatch(/spells the answer out/);
		expect(
			clozeProblem('Two common options are runc and ___, written in Go and C.', 'crun')
		).toBeUndefined();
	});

	it('refuses one word paired with a longer answer: its sibling, the head said once', () => {
		expect(
			clozeProblem(
				'Configured badly, horizontal and ___ of applications gets hard.',
				'vertical scaling'
			)
		).toMatch(/pairs the answer with its sibling/);
		expect(
			clozeProblem('Kubernetes supports horizontal or ___ of applications.', 'vertical scaling')
		).toBe('"horizontal or ___" pairs the answer with its sibling');
		expect(
			clozeProblem('The provider runs the control plane and ___ for you.', 'etcd')
		).toBeUndefined();
	});
});

describe('MCQs that give themselves away', () => {
	it('refuses an answer form left in the stem', () => {
		expect(
			mcqProblem(
				'___ run containers; Pods are scheduled by the scheduler.',
				['Pod', 'Node', 'Service', 'Job'],
				0
			)
		).toMatch(/still in the stem as "Pods"/);
	});

	it('refuses a wrong option that holds the answer', () => {
		expect(
			mcqProblem(
				'The ___ object grants a role to a subject.',
				['RoleBinding', 'ClusterRoleBinding', 'Secret', 'ConfigMap'],
				0
			)
		).toMatch(/holds the answer/);
	});

	it('refuses a cue word only the answer shares (CronJob for "Job ... cron")', () => {
		expect(
			mcqProblem(
				'A ___ runs a Job on a cron schedule in the cluster.',
				['CronJob', 'DaemonSet', 'Deployment', 'StatefulSet'],
				0
			)
		).toMatch(/shares the word/);
	});

	it('refuses the answer left in the stem in lower case (Node for "their own node")', () => {
		expect(
			mcqProblem(
				'The ___ authorizer grants kubelets access to objects of their own node.',
				['Node', 'Webhook', 'ABAC', 'RBAC'],
				0
			)
		).toMatch(/still in the stem as "node"/);
	});

	it('refuses options that do not agree with the article or verb around the blank', () => {
		expect(
			mcqProblem(
				'A(n) ___ is a group of machines that work together.',
				['Cluster', 'Nodes', 'Host', 'Datacenter'],
				0
			)
		).toMatch(/plural option after "a\(n\)"/);
		expect(
			mcqProblem(
				'A team can roll back a(n) ___ quickly, since few users saw the new version.',
				['Canary Deployment', 'GitOps', 'Continuous Delivery', 'DevOps'],
				0
			)
		).toBeUndefined();
		expect(
			mcqProblem(
				'A team can roll back a(n) ___ quickly, since few users saw the new version.',
				['Canary Deployment', 'Blue Green Deployments', 'Continuous Delivery', 'GitOps'],
				0
			)
		).toMatch(/plural option after "a\(n\)"/);
		expect(
			mcqProblem(
				'___ are processes with resource limits set by the kernel.',
				['Containers', 'Virtualization', 'Debugging', 'Runtime'],
				0
			)
		).toMatch(/agree with "are"/);
		// every option singular, the verb plural: the note said "Container images are"
		expect(
			mcqProblem(
				'___ are lightweight and the containerization process requires a file of dependencies.',
				['Container Image', 'Sidecar Container', 'WebAssembly', 'Container Orchestration'],
				0
			)
		).toMatch(/answer does not agree with "are"/);
		expect(
			mcqProblem(
				'___ is lightweight and needs a file that lists its dependencies.',
				['Container Image', 'Sidecar Container', 'WebAssembly', 'Container Orchestration'],
				0
			)
		).toBeUndefined();
	});

	// "engineers have to debug the app": the verb gives Debugging away
	it('finds the answer as another word of its root in the stem (debug, Debugging)', () => {
		expect(
			mcqProblem(
				'When bugs appear, engineers have to debug the app. ___ is no easy task.',
				['Debugging', 'Service Discovery', 'Vertical Scaling', 'Virtualization'],
				0
			)
		).toMatch(/shares the word "debug"/);
	});

	it('accepts options of one form with no cue', () => {
		expect(
			mcqProblem(
				'The API server listens on port ___ by default.',
				['6443', '2379', '10250', '8443'],
				0
			)
		).toBeUndefined();
	});
});

describe('MCQs where the stem hands over the answer', () => {
	it('refuses the blank as one half of a pair the stem gives', () => {
		expect(
			mcqProblem(
				'When environments are configured badly, horizontal and ___ of applications gets hard.',
				['Vertical Scaling', 'Service Discovery', 'Debugging', 'Virtualization'],
				0
			)
		).toMatch(/one of a pair/);
	});

	it('refuses a stem that compares with the answer: its siblings compare as well', () => {
		expect(
			mcqProblem(
				'There are similarities with ___, but SRE ensures that code in production works properly.',
				['DevOps', 'Continuous Delivery', 'GitOps', 'Continuous Integration'],
				0
			)
		).toMatch(/compares with the answer/);
	});

	it("finds a cue in the answer's other names (RBAC: role-based access control)", () => {
		expect(
			mcqProblem(
				'With ___, an administrator grants access by assigning or removing a role.',
				['RBAC', 'ABAC', 'Webhook', 'AlwaysAllow'],
				0,
				answerForms('RBAC', ['Role-based access control'])
			)
		).toMatch(/only the answer shares the word "role"/);
	});

	it("finds a name made of the stem's words, shortened (Dev, Sec, Ops)", () => {
		expect(
			mcqProblem(
				'The term ___ refers to a merger of the development, operational, and security work.',
				['DevSecOps', 'Policy as Code', 'Chaos Engineering', 'Platform Engineering'],
				0
			)
		).toMatch(/only the answer shares the word "dev\+sec\+ops"/);
	});
});

describe('blanked stems', () => {
	it.each([
		[
			'Kubernetes, often abbreviated as K8s, is a container orchestrator.',
			'Kubernetes',
			[],
			'___ is a container orchestrator.'
		],
		[
			'WebAssembly (often abbreviated as Wasm) is a binary format.',
			'WebAssembly',
			[],
			'___ is a binary format.'
		],
		[
			'Infrastructure as a service, or IaaS, is a service model.',
			'Infrastructure as a Service',
			['IaaS'],
			'___ is a service model.'
		],
		[
			'Containers as a Service (CaaS) is a cloud service.',
			'Containers as a Service',
			[],
			'___ is a cloud service.'
		],
		[
			'An API gateway is a tool that aggregates APIs.',
			'API Gateway',
			[],
			'A(n) ___ is a tool that aggregates APIs.'
		],
		[
			'Many servers are a virtual machine (aka a VM) these days.',
			'Virtual Machine',
			[],
			'Many servers are a(n) ___ these days.'
		]
	])(
		'"%s" asks %s once, with no abbreviation or article to point at it',
		(text, name, others, want) => {
			expect(blankedStem(text, answerForms(name, others))).toBe(want);
		}
	);
});
