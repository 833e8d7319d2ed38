// The tutorial walkthrough and the key generator, end to end in the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshot, useServerAndBrowser } from './lib.mjs';

const shared = useServerAndBrowser();

async function open(hash, options = {}) {
  const context = await shared.browser.newContext(options);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e));
  await page.goto(`${shared.server.url}#${hash}`);
  return { context, page, errors };
}

/** The result line once no click is waiting (the key engine, a Web Worker, answers them). */
async function answered(page) {
  await page.waitForFunction(() => !document.querySelector('[data-testid^=walkthrough-][aria-busy=true]'));
  return page.getByTestId('walkthrough-result').textContent();
}

test('HS256 walkthrough: get token, show details, tamper', async () => {
  const { context, page, errors } = await open('/walkthrough', { colorScheme: 'light' });
  const result = page.getByTestId('walkthrough-result');
  await page.getByTestId('walkthrough-get-token').click();
  assert.equal(await answered(page), 'Token Generated successfully!!');
  await page.getByTestId('walkthrough-show-details').click();
  assert.equal(await answered(page), 'bob');
  assert.equal(await page.getByTestId('walkthrough-token').getByTestId('token-part').count(), 3);
  await screenshot(page, 'walkthrough-light-desktop');
  await page.getByTestId('walkthrough-tamper').click();
  await page.getByTestId('walkthrough-show-details').click();
  assert.equal(await answered(page), 'Invalid token');
  assert.equal(await result.textContent(), 'Invalid token');
  assert.deepEqual(errors, []);
  await context.close();
});

test('RS256 walkthrough with a key pair generated in the page', async () => {
  const { context, page, errors } = await open('/walkthrough', { colorScheme: 'dark' });
  await page.getByTestId('walkthrough-alg').selectOption('RS256');
  await page.waitForFunction(() => document.querySelector('[data-testid=walkthrough-public-key]')?.value.startsWith('ssh-rsa '));
  await page.getByTestId('walkthrough-get-token').click();
  await page.getByTestId('walkthrough-show-details').click();
  assert.equal(await answered(page), 'bob');
  await screenshot(page, 'walkthrough-rs256-dark-desktop');
  assert.deepEqual(errors, []);
  await context.close();
});

test('RS256 chosen and Get token clicked at once, on a fresh page: the click waits for the key pair', async () => {
  const { context, page, errors } = await open('/walkthrough');
  await page.getByTestId('walkthrough-get-token').waitFor();
  // Both in the same task: the key pair cannot be there yet, nor the key engine perhaps.
  await page.evaluate(() => {
    const select = document.querySelector('[data-testid=walkthrough-alg]');
    select.value = 'RS256';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    document.querySelector('[data-testid=walkthrough-get-token]').click();
  });
  assert.equal(await answered(page), 'Token Generated successfully!!');
  await page.getByTestId('walkthrough-show-details').click();
  assert.equal(await answered(page), 'bob');
  await page.getByTestId('walkthrough-tamper').click();
  await page.getByTestId('walkthrough-show-details').click();
  assert.equal(await answered(page), 'Invalid token');
  assert.deepEqual(errors, []);
  await context.close();
});

test('key generator: RSA-2048 in WebCrypto', async () => {
  const { context, page, errors } = await open('/keygen', { colorScheme: 'light', viewport: { width: 360, height: 780 } });
  await page.getByTestId('keygen-kind').selectOption('RSA-2048');
  await page.getByTestId('keygen-run').click();
  await page.getByTestId('keygen-public').waitFor();
  assert.match(await page.getByTestId('keygen-public').textContent(), /^-----BEGIN PUBLIC KEY-----/);
  await screenshot(page, 'keygen-light-phone');
  assert.deepEqual(errors, []);
  await context.close();
});
