// Child process for the crash-safety test: saves notes in a loop through the real service and
// prints one line per acknowledged save ("ack <id> <rev> <body>") until it is killed.
import { typedPathChooser } from '../../src-main/dev/typed-path-chooser';
import { createVaultService } from '../../src-main/service';
import { STRONG_PASSWORD, TEST_KDF } from './service';

const dataDir = process.argv[2]!;
const service = await createVaultService({ dataDir, dangerouslyUseKdfParams: TEST_KDF, fileChooser: typedPathChooser() });
const status = await service.invoke('vault.status', {});
if (status.ok && status.value.state === 'absent') await service.invoke('vault.create', { password: STRONG_PASSWORD });
else await service.invoke('vault.unlock', { password: STRONG_PASSWORD });

const list = await service.invoke('notes.list', {});
const ids = list.ok ? list.value.map((n) => ({ id: n.id, rev: n.rev })) : [];
for (let i = 0; ; i++) {
  const body = `body-${process.pid}-${i}-${'x'.repeat(i % 500)}`;
  if (ids.length < 5 || i % 7 === 0) {
    const res = await service.invoke('notes.create', { title: `note ${i}`, body });
    if (!res.ok) throw new Error(res.error.code);
    ids.push({ id: res.value.id, rev: res.value.rev });
    process.stdout.write(`ack ${res.value.id} ${res.value.rev} ${body}\n`);
  } else {
    const target = ids[i % ids.length]!;
    const res = await service.invoke('notes.update', { id: target.id, baseRev: target.rev, title: `note ${i}`, body });
    if (!res.ok) throw new Error(res.error.code);
    target.rev = res.value.rev;
    process.stdout.write(`ack ${target.id} ${target.rev} ${body}\n`);
  }
}
