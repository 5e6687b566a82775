/** Reads the QR codes in one video frame; `name` says which decoder, for the screen. */
export interface Scanner {
	name: string;
	scan(video: HTMLVideoElement): Promise<string[]>;
}

interface DetectedBarcode {
	rawValue: string;
}
interface BarcodeDetectorLike {
	detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
	new (options: { formats: string[] }): BarcodeDetectorLike;
	getSupportedFormats(): Promise<string[]>;
}

/** The longest side of the frame given to jsQR: enough for a code a phone shows at arm's length. */
const FRAME_SIDE = 640;

/**
 * The browser's BarcodeDetector where it reads QR codes (Android, macOS, ChromeOS), else jsQR,
 * loaded only now (about 46 kB gzip) so no other page pays for it.
 */
export async function createScanner(): Promise<Scanner> {
	const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
	const formats = Detector ? await Detector.getSupportedFormats().catch(() => []) : [];
	if (Detector && formats.includes('qr_code')) {
		const detector = new Detector({ formats: ['qr_code'] });
		return {
			name: 'BarcodeDetector',
			scan: async (video) => (await detector.detect(video)).map((code) => code.rawValue)
		};
	}
	const { default: jsQR } = await import('jsqr');
	const canvas = document.createElement('canvas');
	const context = canvas.getContext('2d', { willReadFrequently: true });
	if (!context) throw new Error('This browser cannot read camera frames.');
	return {
		name: 'jsQR',
		scan: async (video) => {
			const scale = Math.min(1, FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
			canvas.width = Math.round(video.videoWidth * scale);
			canvas.height = Math.round(video.videoHeight * scale);
			if (!canvas.width || !canvas.height) return [];
			context.drawImage(video, 0, 0, canvas.width, canvas.height);
			const frame = context.getImageData(0, 0, canvas.width, canvas.height);
			// the result QR is always dark on light: no inverted pass, about half the time a frame
			const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'dontInvert' });
			return code ? [code.data] : [];
		}
	};
}

/** A short beep and a buzz for a result counted; a low double tone for one refused. */
export function signal(ok: boolean): void {
	navigator.vibrate?.(ok ? 80 : [60, 60, 60]);
	try {
		const audio = new AudioContext();
		const tone = audio.createOscillator();
		const gain = audio.createGain();
		tone.frequency.value = ok ? 1320 : 220;
		gain.gain.value = 0.15;
		tone.connect(gain).connect(audio.destination);
		tone.start();
		tone.stop(audio.currentTime + (ok ? 0.12 : 0.3));
		tone.onended = () => audio.close();
	} catch {
		// no sound: the message on screen still says it
	}
}
