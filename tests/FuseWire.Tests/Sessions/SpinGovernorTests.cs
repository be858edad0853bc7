using System;
using System.Collections.Generic;
using FuseWire.Sessions;
using Xunit;

namespace FuseWire.Tests.Sessions;

/// <summary>
/// <see cref="SpinGovernor"/> on a made-up clock: a trial of four windows (polling, sleeping, sleeping, polling), the choice
/// it makes from the requests each window served, and when the next trial comes.
/// </summary>
public class SpinGovernorTests
{
    private const long Settle = 10;
    private const long Measure = 100;
    private const long Period = 1000;

    [Fact]
    public void A_period_shorter_than_a_whole_trial_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpinGovernor(Settle, Measure, 4 * (Settle + Measure) - 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SpinGovernor(Settle, 0, Period));
    }

    [Fact]
    public void A_trial_polls_in_its_first_and_last_windows_and_sleeps_in_the_two_between()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));
        Assert.True(trial.Governor.PollingAllowed); // before any trial: as the option asked

        List<bool> allowed = trial.Run(100, 100, 100, 100);

        Assert.Equal(new[] { true, false, false, true }, allowed);
        Assert.Equal(1, trial.Governor.Trials);
    }

    [Fact]
    public void Sleeping_is_chosen_when_both_pairs_of_windows_served_faster_asleep()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));

        _ = trial.Run(1000, 1200, 1150, 1000);

        Assert.False(trial.Governor.PollingAllowed);
        Assert.Equal(1, trial.Governor.SleepingChosen);
    }

    [Fact]
    public void Pairs_that_disagree_leave_the_last_choice_as_it_was()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));

        _ = trial.Run(1000, 1200, 1000, 1200); // the first pair favours sleeping, the second polling
        Assert.True(trial.Governor.PollingAllowed);

        trial.Wait(Period);
        _ = trial.Run(1000, 1200, 1150, 1000);
        Assert.False(trial.Governor.PollingAllowed);

        trial.Wait(Period);
        _ = trial.Run(1200, 1000, 1010, 1000); // the first pair favours polling, the second neither (1% is within 1/√1000)
        Assert.False(trial.Governor.PollingAllowed);
        Assert.Equal(3, trial.Governor.Trials);
        Assert.Equal(2, trial.Governor.SleepingChosen);
    }

    [Fact]
    public void A_lead_within_what_the_counts_can_tell_apart_keeps_polling()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));

        _ = trial.Run(100, 108, 108, 100); // 8% ahead asleep, but a count of 100 is only good to about 10%

        Assert.True(trial.Governor.PollingAllowed);
        Assert.Equal(0, trial.Governor.SleepingChosen);
    }

    [Fact]
    public void Polling_far_ahead_in_the_first_pair_ends_the_trial_there()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));

        List<bool> allowed = trial.Run(300, 100);

        Assert.Equal(new[] { true, false }, allowed);
        trial.Wait(Settle + Measure); // no third window follows: polling stays allowed until the next trial
        Assert.True(trial.Governor.PollingAllowed);
        Assert.Equal(1, trial.Governor.Trials);
    }

    [Fact]
    public void After_sleeping_was_chosen_the_next_trial_comes_a_period_later_and_polls_first()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));
        _ = trial.Run(1000, 1200, 1200, 1000);

        trial.Wait(Period - 1);
        Assert.False(trial.Governor.PollingAllowed);
        trial.Wait(1);
        Assert.True(trial.Governor.PollingAllowed);
    }

    [Fact]
    public void A_pause_in_the_requests_breaks_the_trial_off_with_polling_allowed()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));
        _ = trial.Run(1000, 1200);
        trial.Wait(Settle);
        Assert.False(trial.Governor.PollingAllowed); // measuring the third window, asleep

        trial.Wait(3 * Measure); // the first request after the pause

        Assert.True(trial.Governor.PollingAllowed);
        Assert.Equal(0, trial.Governor.Trials);
    }

    [Fact]
    public void A_new_load_starts_the_trial_again()
    {
        Trial trial = new(new SpinGovernor(Settle, Measure, Period));
        _ = trial.Run(1000);
        Assert.False(trial.Governor.PollingAllowed); // the second window, asleep

        trial.Governor.Observe(trial.Now, resumed: true, trial.Requests);

        Assert.True(trial.Governor.PollingAllowed);
        List<bool> allowed = trial.Run(1000, 1000, 1000, 1000, startsTrial: false);
        Assert.Equal(new[] { true, false, false, true }, allowed);
        Assert.Equal(1, trial.Governor.Trials);
    }

    /// <summary>Drives a governor through windows, a request at each moment it acts on.</summary>
    private sealed class Trial(SpinGovernor governor)
    {
        public SpinGovernor Governor { get; } = governor;

        public long Now { get; private set; } = 1_000_000;

        public long Requests { get; private set; }

        /// <summary>Lets <paramref name="ticks"/> pass and notes one request then.</summary>
        public void Wait(long ticks)
        {
            Now += ticks;
            Requests++;
            Governor.Observe(Now, resumed: false, Requests);
        }

        /// <summary>Runs windows serving <paramref name="served"/> requests each, the first starting a trial (as a new load
        /// does); returns whether polling was allowed in each.</summary>
        public List<bool> Run(params long[] served) => Run(served, startsTrial: true);

        public List<bool> Run(long first, long second, long third, long fourth, bool startsTrial) =>
            Run([first, second, third, fourth], startsTrial);

        private List<bool> Run(long[] served, bool startsTrial)
        {
            if (startsTrial)
            {
                Governor.Observe(Now, resumed: true, Requests);
            }

            List<bool> allowed = [];
            foreach (long count in served)
            {
                allowed.Add(Governor.PollingAllowed);
                Now += Settle;
                Governor.Observe(Now, resumed: false, Requests); // the window starts counting
                Now += Measure;
                Requests += count;
                Governor.Observe(Now, resumed: false, Requests); // and ends
            }

            return allowed;
        }
    }
}
