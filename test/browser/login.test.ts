// Logging in and out, and the account's users, in Chromium against the real server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startStack, EMAIL, PASSWORD, type Stack } from './support/stack.ts';
import { openBrowser, type BrowserSession } from './support/browser.ts';

describe('login, logout and users', () => {
  let stack: Stack;
  let browser: BrowserSession;

  beforeAll(async () => {
    stack = await startStack();
    browser = await openBrowser(stack.baseUrl);
  });

  afterAll(async () => {
    await browser?.close();
    await stack?.close();
  });

  it('says a wrong password next to the form, logs in, adds a user, logs out', async () => {
    const { page } = browser;
    await page.goto('/');
    await page.getByLabel('Email').fill(EMAIL);
    await page.getByLabel('Password').fill('not the password');
    await page.getByRole('button', { name: 'Log in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('The email or password is not right.');
    await browser.screenshot('login-error', { docs: true });

    await page.getByLabel('Password').fill(PASSWORD);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await page.locator('.who').textContent()).toBe(EMAIL);

    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: /Users/ }).click();
    await page.getByTestId('users-list').waitFor();
    await page.getByLabel('Email').fill('clerk@example.com');
    await page.getByLabel('Password').fill('another good password');
    await page.getByRole('button', { name: 'Add user' }).click();
    await page.getByTestId('users-list').getByText('clerk@example.com').waitFor();
    const users = await stack.call<{ items: { email: string }[] }>('GET', '/api/users');
    expect(users.body.items.map((u) => u.email).sort()).toEqual(['clerk@example.com', EMAIL]);
    await browser.screenshot('users', { docs: true });

    // A reload keeps the session (cookie), logging out ends it.
    await page.reload();
    await page.getByTestId('users-list').waitFor();
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Log in' }).waitFor();
    expect(await page.getByRole('navigation', { name: 'Main' }).count()).toBe(0);
  });
});
