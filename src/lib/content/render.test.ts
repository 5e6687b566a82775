import { describe, expect, it } from 'vitest';
import { renderNote } from './render';
import { nodeSanitizer, unsafeParts } from './test-sanitizer';

const render = (text: string) => renderNote(text, nodeSanitizer);

describe('renderNote', () => {
	it('renders markdown emphasis, code and links', () => {
		expect(render('Use `--anonymous-auth=false`, *not* **that**, see https://12factor.net/config')).toBe(
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
		const html = render('[click](javascript:alert(1)) and [data](data:text/html,<script>alert(1)</script>)');
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
});
