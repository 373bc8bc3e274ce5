#!/usr/bin/env bash
# A real single-node Slurm on this machine, for the cluster integration test and for trying
# `lintas slurm` by hand: Debian's slurm-wlm and munge, daemons in the foreground in their own
# sessions (no systemd), stopped by the pids recorded here. Needs root.
#
#   scripts/slurm-local.sh install   apt-get install slurm-wlm munge (if missing)
#   scripts/slurm-local.sh start     configure, start munged, slurmctld, slurmd; wait until the node is idle
#   scripts/slurm-local.sh stop      stop what start started (slurmd, slurmctld, munged)
#   scripts/slurm-local.sh status    exit 0 if the node answers
set -euo pipefail
RUN=/run/lintas-slurm
mkdir -p "$RUN"

install() {
  if command -v sbatch >/dev/null 2>&1 && command -v munged >/dev/null 2>&1; then return; fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq slurm-wlm munge >/dev/null
}

configure() {
  local host cpus mem
  host="$(hostname -s)"
  cpus="$(nproc)"
  # RealMemory a little under MemTotal, in MB, or slurmd refuses to register the node.
  mem="$(awk '/MemTotal/ { printf "%d", $2 / 1024 * 0.9 }' /proc/meminfo)"
  mkdir -p /etc/munge /run/munge /var/lib/munge /var/log/munge /etc/slurm /var/spool/slurmctld /var/spool/slurmd /var/log/slurm
  if [ ! -s /etc/munge/munge.key ]; then
    dd if=/dev/urandom of=/etc/munge/munge.key bs=1024 count=1 status=none
  fi
  chown -R munge:munge /etc/munge /run/munge /var/lib/munge /var/log/munge
  chmod 0700 /etc/munge
  chmod 0400 /etc/munge/munge.key
  cat >/etc/slurm/slurm.conf <<EOF
# Written by lintas scripts/slurm-local.sh: one node, no cgroups, no systemd, no accounting.
ClusterName=local
SlurmctldHost=$host
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SwitchType=switch/none
MpiDefault=none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
StateSaveLocation=/var/spool/slurmctld
SlurmdSpoolDir=/var/spool/slurmd
SlurmctldPidFile=/run/slurmctld.pid
SlurmdPidFile=/run/slurmd.pid
SlurmctldLogFile=/var/log/slurm/slurmctld.log
SlurmdLogFile=/var/log/slurm/slurmd.log
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
ReturnToService=2
NodeName=$host CPUs=$cpus RealMemory=$mem State=UNKNOWN
PartitionName=main Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
}

started() { [ -f "$RUN/$1.pid" ] && kill -0 "$(cat "$RUN/$1.pid")" 2>/dev/null; }

status() { timeout 5 sinfo -h -o '%t' 2>/dev/null | grep -Eq '^(idle|mix|alloc)'; }

start() {
  install
  configure
  if ! started munged; then
    setsid runuser -u munge -- /usr/sbin/munged --foreground >/var/log/munge/foreground.log 2>&1 &
    echo $! >"$RUN/munged.pid"
  fi
  for _ in $(seq 50); do munge -n 2>/dev/null | unmunge >/dev/null 2>&1 && break; sleep 0.2; done
  if ! started slurmctld; then
    setsid /usr/sbin/slurmctld -D -i >/var/log/slurm/slurmctld.foreground.log 2>&1 &
    echo $! >"$RUN/slurmctld.pid"
  fi
  if ! started slurmd; then
    setsid /usr/sbin/slurmd -D >/var/log/slurm/slurmd.foreground.log 2>&1 &
    echo $! >"$RUN/slurmd.pid"
  fi
  for _ in $(seq 150); do
    if status; then
      echo "slurm: node $(hostname -s) up ($(sinfo -h -o '%P %t %c CPUs'))"
      return 0
    fi
    sleep 0.2
  done
  echo "slurm: the node did not come up; see /var/log/slurm/" >&2
  tail -n 20 /var/log/slurm/slurmctld.log /var/log/slurm/slurmd.log >&2 || true
  return 1
}

stop() {
  for d in slurmd slurmctld munged; do
    if started "$d"; then
      local pid
      pid="$(cat "$RUN/$d.pid")"
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$RUN/$d.pid"
  done
}

case "${1:-}" in
  install) install ;;
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) echo "usage: $0 install|start|stop|status" >&2; exit 2 ;;
esac
