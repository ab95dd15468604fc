// The console pages of docs/wildfly-screenshots.sh: each is opened by its address, then clicked to the receiver's
// resource, then photographed.
const puppeteer = require('puppeteer-core');

const shots = [
  {name: 'deployment', token: 'deployments', click: ['mediquo-webhooks.war']},
  {name: 'data-source', token: 'data-source-configuration;name=mediquo', click: ['Connection']},
  {name: 'jms-queue', token: 'messaging-server-destination;server=default', click: ['JMS Queue', 'mediquo.patient-reports']},
  {name: 'connection-factory', token: 'messaging-server-connection;server=default', click: ['Pooled Connection Factory', 'activemq-ra']},
  {name: 'system-properties', token: 'system-properties', filter: 'mediquo.api'},
];

const settle = () => new Promise(resolve => setTimeout(resolve, 3000));

(async () => {
  const out = process.argv[2];
  const browser = await puppeteer.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu'],
    defaultViewport: {width: 1400, height: 800},
  });
  try {
    const page = await browser.newPage();
    await page.authenticate({username: process.env.CONSOLE_USER, password: process.env.CONSOLE_PASSWORD});
    for (const shot of shots) {
      await page.goto(`${process.env.CONSOLE}/console/index.html#${shot.token}`, {waitUntil: 'networkidle0', timeout: 60000});
      await settle();
      for (const text of shot.click ?? []) {
        await page.locator(`::-p-text(${text})`).click();
        await settle();
      }
      if (shot.filter) {
        await page.type('input', shot.filter);
        await settle();
      }
      await page.screenshot({path: `${out}/${shot.name}.png`});
    }
  } finally {
    await browser.close();
  }
})();
