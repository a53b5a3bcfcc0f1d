import { describe, expect, it } from 'vitest';
import { parseKeepalivedData, parseKeepalivedJson } from './state.js';

// Written by keepalived 2.2.7 (Debian 12) for the lab's web1 config, MASTER.
const JSON_DUMP = `[{"data":{"iname":"VI_1","dont_track_primary":0,"skip_check_adv_addr":1,"strict_mode":0,"vmac_ifname":"","ifp_ifname":"eth0","master_priority":0,"last_transition":1795596316.689087,"garp_delay":5,"vrid":51,"base_priority":100,"effective_priority":100,"vipset":true,"adver_int":1,"accept":1,"nopreempt":false,"preempt_delay":0,"state":2,"wantstate":2,"version":2,"vips":["192.168.4.80 dev eth0 scope global set"],"auth_type":1,"auth_data":"1111"},"stats":{"advert_rcvd":0,"advert_sent":1,"become_master":1}}]`;

const DATA_DUMP = `------< VRRP Topology >------
 VRRP Instance = VI_1
   VRRP Version = 2
   State = BACKUP
   Flags:
   Wantstate = BACKUP
   Interface = eth0
   Virtual Router ID = 51
   Priority = 50
   Effective priority = 50
   Authentication type = SIMPLE_PASSWORD
   Password = 1111
   Virtual IP (2):
     192.168.4.80 dev eth0 scope global
     192.168.4.81/24 dev eth0 scope global
   fd_in 13, fd_out 14
------< VRRP Sockpool >------
 fd_in 13 fd_out = 14
   Interface = eth0
`;

describe('keepalived state dumps', () => {
  it('reads keepalived.json and leaves the password behind', () => {
    const [vi] = parseKeepalivedJson(JSON_DUMP);
    expect(vi).toEqual({ name: 'VI_1', state: 'MASTER', interface: 'eth0', vrid: 51, priority: 100, effectivePriority: 100, vips: ['192.168.4.80'] });
    expect(JSON.stringify(vi)).not.toContain('1111');
  });
  it('reads keepalived.data', () => {
    expect(parseKeepalivedData(DATA_DUMP)).toEqual([
      { name: 'VI_1', state: 'BACKUP', interface: 'eth0', vrid: 51, priority: 50, effectivePriority: 50, vips: ['192.168.4.80', '192.168.4.81'] },
    ]);
  });
  it('rejects a JSON dump that is not a list', () => {
    expect(() => parseKeepalivedJson('{"x":1}')).toThrow(/not a list/);
  });
});
