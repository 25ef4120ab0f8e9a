import { formatDateTime } from '../dates.js';
import { definedOnly, leaveGroup } from './subscribers.js';
import { emptyCounts, type Account, type GroupRecord } from './records.js';

/** What a new group starts with; everything but the name is optional. */
export type NewGroup = Partial<Omit<GroupRecord, 'members' | 'counts' | 'name'>> & { name: string };

/** Create a group (id from the allocator unless given). */
export function insertGroup(account: Account, init: NewGroup): GroupRecord {
  const now = formatDateTime(account.clock());
  const id = init.id ?? account.ids.next('group', (candidate) => account.groups.has(candidate));
  if (init.id !== undefined) account.ids.observe('group', init.id);
  const group: GroupRecord = {
    created_at: now,
    updated_at: now,
    sent_count: 0,
    opens_count: 0,
    clicks_count: 0,
    open_rate: 0,
    click_rate: 0,
    ...definedOnly(init),
    id,
    name: init.name,
    members: new Set(),
    counts: emptyCounts(),
  };
  account.groups.set(id, group);
  return group;
}

/** Delete a group; its subscribers stay, without the membership. */
export function removeGroup(account: Account, group: GroupRecord): void {
  for (const subId of [...group.members]) {
    const sub = account.subscribers.get(subId);
    if (sub) leaveGroup(sub, group);
  }
  account.groups.delete(group.id);
}
