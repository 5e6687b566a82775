import { expect, type Page } from '@playwright/test';

/** Answers the card shown in a study session (Good, or an MCQ's first option) and waits for the next. */
export async function answerOne(page: Page): Promise<void> {
	const card = page.locator('article.card');
	const id = await card.getAttribute('data-card-id');
	if (await page.locator('.options').isVisible()) {
		await page.locator('.options button').first().click();
		await page.getByRole('button', { name: 'Continue' }).click();
	} else {
		await page.getByRole('button', { name: 'Show answer' }).click();
		await page.getByRole('button', { name: /Good/ }).click();
	}
	await expect(card).not.toHaveAttribute('data-card-id', id!);
}

/**
 * Answers MCQs (first option) until the session shows a flashcard. Waits for each card's face
 * (options or "Show answer") first: an MCQ's options can come a moment after its card.
 */
export async function answerMcqsUntilFlashcard(page: Page): Promise<void> {
	const card = page.locator('article.card');
	const face = page.locator('.options').or(page.getByRole('button', { name: 'Show answer' }));
	await expect(face).toBeVisible();
	while (await page.locator('.options').isVisible()) {
		const id = (await card.getAttribute('data-card-id'))!;
		await page.locator('.options button').first().click();
		await page.getByRole('button', { name: 'Continue' }).click();
		await expect(page.locator(`article.card[data-card-id="${id}"]`)).toHaveCount(0);
		await expect(face).toBeVisible();
	}
}
