//! Group commit for the audit events of reads.
//!
//! Every read of pupil data is audited before it is answered. Done one transaction per read,
//! each GET of a dossier would take SQLite's write lock and wait for its own fsync, so reads
//! would queue behind each other. Instead, readers hand their events to one writer thread and
//! wait for it: the writer commits every event that arrived meanwhile in one transaction (one
//! fsync) and then releases all their waiters. A read is still answered only after its audit
//! event is durable; it just shares the commit with the reads next to it.

use tokio::sync::{mpsc, oneshot};

use super::audit::{self, AuditRow};
use super::{Db, DbError};

/// At most this many reads share one transaction.
const MAX_BATCH: usize = 512;

type Job = (Vec<AuditRow>, oneshot::Sender<Result<(), String>>);

/// The handle readers use; cheap to clone.
#[derive(Clone)]
pub struct AuditWriter {
    jobs: mpsc::Sender<Job>,
}

impl AuditWriter {
    /// Starts the writer thread; it ends when the last handle is dropped.
    pub fn start(db: Db) -> std::io::Result<Self> {
        let (jobs, mut queue) = mpsc::channel::<Job>(4 * MAX_BATCH);
        std::thread::Builder::new().name("audit-writer".into()).spawn(move || {
            while let Some(first) = queue.blocking_recv() {
                let mut batch = vec![first];
                while batch.len() < MAX_BATCH {
                    match queue.try_recv() {
                        Ok(job) => batch.push(job),
                        Err(_) => break,
                    }
                }
                let result = db
                    .write_blocking(|conn| -> Result<(), DbError> {
                        for (rows, _) in &batch {
                            for row in rows {
                                audit::insert(conn, row)?;
                            }
                        }
                        Ok(())
                    })
                    .map_err(|e| e.to_string());
                if let Err(e) = &result {
                    tracing::error!(error = %e, events = batch.len(), "audit events could not be written");
                }
                for (_, done) in batch {
                    let _ = done.send(result.clone());
                }
            }
        })?;
        Ok(AuditWriter { jobs })
    }

    /// Writes `rows` durably (shared with concurrent readers' events); returns once committed.
    pub async fn record(&self, rows: Vec<AuditRow>) -> Result<(), DbError> {
        if rows.is_empty() {
            return Ok(());
        }
        let (done, committed) = oneshot::channel();
        let gone = || DbError::Audit("the audit writer stopped".into());
        self.jobs.send((rows, done)).await.map_err(|_| gone())?;
        match committed.await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(e)) => Err(DbError::Audit(e)),
            Err(_) => Err(gone()),
        }
    }
}
