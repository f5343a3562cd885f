package example.events.stats.internal;

import example.events.members.MemberRegistered;
import org.springframework.context.ApplicationListener;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.stereotype.Component;

/** Receives MemberRegistered wrapped as Spring wraps every event that is no ApplicationEvent. */
@Component
class MemberAudit implements ApplicationListener<PayloadApplicationEvent<MemberRegistered>> {

    @Override
    public void onApplicationEvent(PayloadApplicationEvent<MemberRegistered> event) {
    }
}
