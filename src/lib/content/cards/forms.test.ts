import { describe, expect, it } from 'vitest';
import {
	answerForms,
	blankForms,
	cueWord,
	formIn,
	fitsAsWell,
	formOutlier,
	initials,
	termWords,
	tooSimilar
} from './forms';

describe('answer forms', () => {
	it('finds a version in a longer one (3.4 in "etcd 3.4.0"), not in another (13.4, 3.45)', () => {
		expect(formIn('(etcd 3.4.0, released August 2019)', answerForms('3.4'))).toBe('3.4');
		expect(formIn('etcd 13.4 and 3.45', answerForms('3.4'))).toBeUndefined();
	});

	it('splits CamelCase, flags and hyphens into words', () => {
		expect(termWords('NodeRestriction')).toEqual(['node', 'restriction']);
		expect(termWords('--anonymous-auth')).toEqual(['anonymous', 'auth']);
		expect(termWords('kube-apiserver')).toEqual(['kube', 'apiserver']);
	});

	it('knows the initials of a multi-word name', () => {
		expect(initials('Horizontal Pod Autoscaler')).toBe('HPA');
		expect(initials('Pod')).toBeUndefined();
	});

	it.each([
		['Pod', 'Three Pods run here.'],
		['Pod Disruption Budget', 'A PDB limits evictions.'],
		['security context', 'Set securityContext on the pod.'],
		['--anonymous-auth', 'Turn off anonymous auth on the kubelet.'],
		['anonymous auth', 'Pass --anonymous-auth=false.'],
		['Network Policy', 'NetworkPolicies restrict traffic.'],
		['policy', 'Two policies apply.']
	])('finds %s in "%s"', (answer, text) => {
		expect(formIn(text, answerForms(answer))).toBeTruthy();
	});

	it('does not find a word that only contains the answer', () => {
		expect(formIn('Podman runs containers.', answerForms('Pod'))).toBeUndefined();
	});

	it('blanks every form, glossary aliases included', () => {
		const forms = answerForms('Transport Layer Security', ['TLS']);
		expect(blankForms('TLS, or transport layer security, encrypts traffic.', forms)).toBe(
			'___, or ___, encrypts traffic.'
		);
	});
});

describe('cues and form outliers', () => {
	it('sees a compound written apart ("run times" for runtime classes)', () => {
		expect(
			cueWord(
				'We can use ___ to support multiple run times in a cluster.',
				['runtime classes', 'storage classes', 'ingress classes', 'gateway classes'],
				0
			)
		).toBe('runtim');
	});

	it('finds a word only the answer shares with the stem', () => {
		expect(
			cueWord(
				'Which plugin limits what a node can modify?',
				['NodeRestriction', 'AlwaysPullImages', 'PodSecurity', 'DenyServiceExternalIPs'],
				0
			)
		).toBe('node');
	});

	it('finds no cue when a wrong option shares the word too', () => {
		expect(
			cueWord(
				'Which plugin enforces the standards for a pod?',
				['PodSecurity', 'SecurityContextDeny', 'PodNodeSelector', 'EventRateLimit'],
				0
			)
		).toBeUndefined();
	});

	// blind read round 8: "works with the Node authorizer to restrict nodes" gave NodeRestriction
	// away, though PodNodeSelector shares "node" and PodTolerationRestriction "restrict"
	it("finds the answer's name spelled out by the stem, whatever words the others share", () => {
		expect(
			cueWord(
				'___ is an admission controller that works with the Node authorizer to restrict nodes.',
				['NodeRestriction', 'PodNodeSelector', 'PodTolerationRestriction', 'PodSecurity'],
				0
			)
		).toBe('node+restriction');
		expect(
			cueWord(
				'Which plugin checks the security of a pod?',
				['PodSecurity', 'SecurityContextDeny', 'PodNodeSelector', 'EventRateLimit'],
				0
			)
		).toBe('pod+security');
	});

	// blind read round 8 (cncf): "secure" points at the only option with "Sec" in its name
	it("finds a three-letter part of the answer's name that starts a stem word", () => {
		expect(
			cueWord(
				'___ focuses on breaking down team silos and promotes secure, automated workflows.',
				['DevSecOps', 'Site Reliability Engineering', 'Agile Software Development', 'GitOps'],
				0
			)
		).toBe('sec');
		expect(
			cueWord(
				'___ focuses on breaking down team silos between developers and operators.',
				['DevSecOps', 'Site Reliability Engineering', 'Agile Software Development', 'DevOps'],
				0
			)
		).toBeUndefined();
	});

	it('finds a cue word the answer shares even when a wrong option shares another', () => {
		expect(
			cueWord(
				'Which plugin checks pod security?',
				['PodSecurity', 'PodNodeSelector', 'EventRateLimit', 'NodeRestriction'],
				0
			)
		).toBe('securi');
	});

	it('sees a plural in -ies as the name in -y', () => {
		expect(
			cueWord(
				'___ is the practice of storing the definition of policies as files.',
				['Policy as Code', 'Version Control', 'GitOps', 'Continuous Integration'],
				0
			)
		).toBe('policy');
	});

	it('finds a stem word inside a longer word of the answer', () => {
		expect(
			cueWord(
				'Without ___, each tenant would need a dedicated software installation.',
				['Multitenancy', 'Cluster', 'Nodes', 'Immutable Infrastructure'],
				0
			)
		).toBe('tenant');
		expect(
			cueWord(
				'Without ___, each team would need a dedicated software installation.',
				['Multitenancy', 'Cluster', 'Nodes', 'Immutable Infrastructure'],
				0
			)
		).toBeUndefined();
	});

	it('names the answer that alone is an acronym, or alone lower-case', () => {
		expect(formOutlier(['RBAC', 'Node', 'Webhook', 'AlwaysAllow'], 0)).toBe('alone is an acronym');
		expect(formOutlier(['etcd', 'Consul', 'Redis', 'ZooKeeper'], 0)).toBe(
			'alone is not capitalised'
		);
		expect(formOutlier(['RBAC', 'ABAC', 'Node', 'Webhook'], 0)).toBeUndefined();
		expect(formOutlier(['IaaS', 'Managed services', 'Edge Computing', 'Service Mesh'], 0)).toBe(
			'alone is an abbreviation'
		);
		expect(
			formOutlier(['etcd', 'kube-proxy', 'kube-scheduler', 'kube-controller-manager'], 0)
		).toBe('alone does not start with "kube"');
		expect(
			formOutlier(
				['tokenrequest', 'tokenReview', 'selfSubjectReview', 'certificateSigningRequest'],
				0
			)
		).toBe('alone is not in camelCase');
		expect(formOutlier(['AppArmor', 'SELinux', 'Landlock', 'Smack'], 0)).toBeUndefined();
	});
});

describe('tooSimilar', () => {
	it.each([
		['DevOps', 'DevSecOps'],
		['container', 'containerization'],
		['Chaos Engineering', 'Security Chaos Engineering'],
		['Container Image', 'container images'],
		['Containerization', 'Containerisation']
	])('refuses %s beside %s: one may pass for the other', (a, b) => {
		expect(tooSimilar(a, b)).toBe(true);
	});

	it.each([
		['Canary Deployment', 'Blue Green Deployment'],
		['Horizontal Scaling', 'Vertical Scaling'],
		['GitOps', 'Service Discovery'],
		['Scalability', 'Reliability'],
		['Observability', 'Portability'],
		['Scalability', 'Visibility']
	])('keeps %s beside %s: the words they do not share differ', (a, b) => {
		expect(tooSimilar(a, b)).toBe(false);
	});
});

describe('fitsAsWell', () => {
	const stem =
		'___ lets more apps run on the same physical machine while they stay isolated from each other.';
	it('finds a wrong option whose own definition fits the stem as well as the answer', () => {
		expect(
			fitsAsWell(
				stem,
				'A container is a running process, isolated from other apps on the same machine.',
				'Virtualization is a technique that runs several virtual computers on one physical computer.'
			)
		).toBe(true);
	});

	it('keeps a wrong option whose definition fits less, or that has none', () => {
		expect(
			fitsAsWell(
				stem,
				'A firewall is a system that filters network traffic on the basis of rules.',
				'Virtualization is a technique that runs several virtual computers on one physical machine.'
			)
		).toBe(false);
		expect(fitsAsWell(stem, undefined, 'anything')).toBe(false);
	});
});
