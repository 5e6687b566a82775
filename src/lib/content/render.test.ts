import { describe, expect, it } from 'vitest';
import { renderNote } from './render';
import { nodeSanitizer, unsafeParts } from './test-sanitizer';

const render = (text: string) => renderNote(text, nodeSanitizer);

describe('renderNote', () => {
	it('renders markdown emphasis, code and links', () => {
		expect(
			render('Use `--anonymous-auth=false`, *not* **that**, see https://12factor.net/config')
		).toBe(
			'<p>Use <code>--anonymous-auth=false</code>, <em>not</em> <strong>that</strong>, see <a href="https://12factor.net/config">https://12factor.net/config</a></p>'
		);
	});

	it('shows raw HTML as text instead of interpreting it', () => {
		const html = render('Hello <script>alert(1)</script> <img src=x onerror=alert(1)> <b>bold</b>');
		expect(unsafeParts(html)).toEqual([]);
		expect(html).not.toContain('<b>');
		expect(html).toContain('&lt;script&gt;');
	});

	it('drops javascript: and data: links but keeps their text', () => {
		const html = render(
			'[click](javascript:alert(1)) and [data](data:text/html,<script>alert(1)</script>)'
		);
		expect(unsafeParts(html)).toEqual([]);
		expect(html).not.toMatch(/href="(javascript|data):/i);
		expect(html).toContain('click');
	});

	it('never emits images, which would be third-party requests', () => {
		expect(render('![logo](https://evil.example/x.png)')).not.toContain('<img');
	});

	it('removes an SVG payload and event handlers', () => {
		const html = render('<svg onload=alert(1)><a xlink:href="javascript:alert(1)">x</a></svg>');
		expect(unsafeParts(html)).toEqual([]);
		expect(html).not.toMatch(/<svg/i);
	});

	// issue 16: `//evil.example` survived as an off-site link that looked like a path on this site
	it.each(['//evil.example/x', '///evil.example/x', '//\\evil.example'])(
		'refuses the protocol-relative link %s but keeps its text',
		(href) => {
			expect(render(`[go](${href}) on`)).toBe('<p><a>go</a> on</p>');
		}
	);

	it('keeps a backslash after the slash as a path on this site (marked encodes it)', () => {
		expect(render('[go](/\\evil.example/x)')).toBe('<p><a href="/%5Cevil.example/x">go</a></p>');
	});

	it('keeps a path on this site and an https link', () => {
		expect(render('[etcd](/notes?tags=etcd) [k8s](https://kubernetes.io)')).toBe(
			'<p><a href="/notes?tags=etcd">etcd</a> <a href="https://kubernetes.io">k8s</a></p>'
		);
	});
});
